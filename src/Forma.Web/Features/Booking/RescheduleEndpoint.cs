using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Moves a booking to another start (and perhaps another staff member) in one transaction: the old booking is
/// cancelled without a fee and its seats released, then the new slot is taken; if the new slot is not free nothing
/// changes. Allowed until the cancellation policy's window begins — after that, cancelling (with its fee) is the way.
/// </summary>
internal sealed class RescheduleEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant()
            .MapPost("/bookings/{id:guid}/reschedule", Reschedule).RequireScope(ApiScopes.BookingsWrite).WithName("RescheduleBooking")
            .WithSummary("Move a booking to another slot; the old one is released only if the new one is taken")
            .Produces<BookingResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Reschedule(Guid id, RescheduleRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (await BookingVisibility.FindAsync(db, caller, id, cancellationToken) is not { } old)
        {
            return BookingAccess.NotFound("booking");
        }

        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == old.AppointmentId, cancellationToken);
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (old.Status != BookingStatus.Booked)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status409Conflict, ProblemTypes.For("booking-not-active"), "This booking was already cancelled or marked.");
        }

        if (now > appointment.StartsAt.AddHours(-service.FreeCancellationHours))
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.For("reschedule-too-late"),
                $"Bookings move until {service.FreeCancellationHours} h before the start; cancel instead (the late fee applies).");
        }

        var start = request.Start.UtcDateTime;
        var participants = await db.BookingParticipants.Where(p => p.BookingId == id).Select(p => p.AthleteId).ToListAsync(cancellationToken);
        if (AppointmentEndpoints.WindowProblem(service, start, now, participants.Count) is { } windowProblem)
        {
            return windowProblem;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(http.Tenant().TimeZone);
        if (await BookingParties.CheckCredentialsAsync(service, participants, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, zone)), db, cancellationToken) is { } credentialProblem)
        {
            return credentialProblem;
        }

        // A booking paid with a package moves with it: its session is given back and taken again in the new slot's period.
        var order = new BookingOrder(service, start, request.StaffId, participants, old.Client, old.BookedByMembershipId, caller.UserId, zone,
            ClientPackageId: old.ClientPackageId, Alongside: async () =>
        {
            var cancelled = await db.Bookings.Where(b => b.Id == id && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now).SetProperty(b => b.FeeMinor, 0L), cancellationToken);
            if (cancelled == 0)
            {
                return false;
            }

            await SeatRelease.ReleaseAsync(db, appointment.Id, old.Seats, now, cancellationToken);
            await Credits.ReturnAsync(db, old.Id, now, cancellationToken);
            if (old.DepositMinor > 0)
            {
                db.LedgerEntries.Add(LedgerEntry.Record(old.TenantId, old.Client, old.Id, LedgerKind.DepositReleased, -old.DepositMinor, old.Currency, "Moved to another slot.", null, now));
            }

            db.AuditEvents.Add(AuditEvent.Record(old.TenantId, "booking.rescheduled", now, caller.UserId, old.Id.ToString()));
            return true;
        });
        var outcome = await BookingDesk.BookAsync(db, order, now, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        return outcome.Booking is null
            ? await AppointmentEndpoints.SlotTakenAsync(db, service, start, request.StaffId, participants.Count, now, cancellationToken)
            : await AppointmentEndpoints.RespondAsync(db, outcome, cancellationToken);
    }
}
