using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Waits for seats in a full upcoming appointment (the same parties and credentials as a booking); a cancellation promotes waiting clients in order.</summary>
internal sealed class JoinWaitlist(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<WaitlistEntryResponse> RunAsync(Caller caller, Guid appointmentId, WaitlistRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        RequestValidation.Ensure(request);
        var now = clock.GetUtcNow().UtcDateTime;
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.Status == AppointmentStatus.Scheduled && a.StartsAt > now, cancellationToken);
        if (appointment is null)
        {
            throw DomainException.NotFound("upcoming appointment");
        }

        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var asBooking = new BookRequest(service.Id, appointment.StartsAt, request.ParticipantIds, null, request.ClientAthleteId, request.ClientMembershipId);
        var client = await BookingParties.ResolveAsync(caller, asBooking, db, cancellationToken);
        if (request.ParticipantIds.Count > appointment.Capacity)
        {
            throw DomainException.Invalid("participantIds", $"This appointment has {appointment.Capacity} seats in all.");
        }

        if (appointment.Capacity - appointment.SeatsTaken >= request.ParticipantIds.Count)
        {
            throw DomainException.Conflict("seats-available", "There are seats left: book them instead.");
        }

        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(appointment.StartsAt, business.Zone));
        await BookingParties.EnsureCredentialsAsync(service, request.ParticipantIds, date, db, cancellationToken);
        var entry = WaitlistEntry.Join(appointment.TenantId, appointment.Id, client, caller.MembershipId, request.ParticipantIds, now);
        db.WaitlistEntries.Add(entry);
        db.AuditEvents.Add(AuditEvent.Record(entry.TenantId, "waitlist.joined", now, caller.UserId, entry.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        var position = await db.WaitlistEntries.CountAsync(w => w.AppointmentId == appointmentId && w.Status == WaitlistStatus.Waiting && w.CreatedAt <= entry.CreatedAt, cancellationToken);
        return WaitlistEndpoints.ToResponse(entry, position);
    }
}
