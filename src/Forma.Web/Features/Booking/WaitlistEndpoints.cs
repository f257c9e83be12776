using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

public sealed record WaitlistRequest(IReadOnlyList<Guid> ParticipantIds, Guid? ClientAthleteId = null, Guid? ClientMembershipId = null);

public sealed record WaitlistEntryResponse(Guid Id, Guid AppointmentId, IReadOnlyList<Guid> ParticipantIds, WaitlistStatus Status, int? Position, Guid? BookingId, DateTime CreatedAt);

/// <summary>
/// Waiting for seats in a full appointment. Joining needs what booking needs (participants the caller may book for,
/// their credentials) and a full appointment; a cancellation promotes waiting clients in order (see <see cref="SeatRelease"/>).
/// </summary>
internal sealed class WaitlistEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/appointments/{appointmentId:guid}/waitlist", Join).RequireScope(ApiScopes.BookingsWrite).WithName("JoinWaitlist")
            .WithSummary("Wait for seats in a full appointment").Produces<WaitlistEntryResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/appointments/{appointmentId:guid}/waitlist", List).RequireScope(ApiScopes.BookingsRead).WithName("ListWaitlist")
            .WithSummary("An appointment's waitlist in order (staff: everyone; clients: their own entries)").Produces<List<WaitlistEntryResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/waitlist/{id:guid}", Withdraw).RequireScope(ApiScopes.BookingsWrite).WithName("LeaveWaitlist")
            .WithSummary("Stop waiting").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Join(Guid appointmentId, WaitlistRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.Status == AppointmentStatus.Scheduled && a.StartsAt > now, cancellationToken);
        if (appointment is null)
        {
            return BookingAccess.NotFound("upcoming appointment");
        }

        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var asBooking = new BookRequest(service.Id, appointment.StartsAt, request.ParticipantIds, null, request.ClientAthleteId, request.ClientMembershipId);
        var client = await BookingParties.ResolveAsync(caller, asBooking, db, cancellationToken);

        if (request.ParticipantIds.Count > appointment.Capacity)
        {
            return ProblemDetailsSetup.FieldProblem("participantIds", $"This appointment has {appointment.Capacity} seats in all.");
        }

        if (appointment.Capacity - appointment.SeatsTaken >= request.ParticipantIds.Count)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status409Conflict, ProblemTypes.For("seats-available"), "There are seats left: book them instead.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(http.Tenant().TimeZone);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(appointment.StartsAt, zone));
        await BookingParties.EnsureCredentialsAsync(service, request.ParticipantIds, date, db, cancellationToken);

        var entry = WaitlistEntry.Join(appointment.TenantId, appointment.Id, client, caller.MembershipId, request.ParticipantIds, now);
        db.WaitlistEntries.Add(entry);
        db.AuditEvents.Add(AuditEvent.Record(entry.TenantId, "waitlist.joined", now, caller.UserId, entry.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        var position = await db.WaitlistEntries.CountAsync(w => w.AppointmentId == appointmentId && w.Status == WaitlistStatus.Waiting && w.CreatedAt <= entry.CreatedAt, cancellationToken);
        return TypedResults.Created($"/api/v1/appointments/{appointmentId}/waitlist", ToResponse(entry, position));
    }

    private static async Task<IResult> List(Guid appointmentId, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!await db.Appointments.AnyAsync(a => a.Id == appointmentId, cancellationToken))
        {
            return BookingAccess.NotFound("appointment");
        }

        var entries = await db.WaitlistEntries.AsNoTracking().Where(w => w.AppointmentId == appointmentId).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        var position = 0;
        var ordered = entries.Select(e => ToResponse(e, e.Status == WaitlistStatus.Waiting ? ++position : null)).ToList();
        var own = entries.Where(e => caller.IsStaff || e.BookedByMembershipId == caller.MembershipId || e.ClientMembershipId == caller.MembershipId).Select(e => e.Id).ToHashSet();
        return TypedResults.Ok(ordered.Where(e => own.Contains(e.Id)).ToList());
    }

    private static async Task<IResult> Withdraw(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.WaitlistEntries
            .Where(w => w.Id == id && w.Status == WaitlistStatus.Waiting && (caller.IsStaff || w.BookedByMembershipId == caller.MembershipId || w.ClientMembershipId == caller.MembershipId))
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Status, WaitlistStatus.Withdrawn).SetProperty(w => w.ChangedAt, now), cancellationToken);
        return changed == 0 ? BookingAccess.NotFound("waiting entry") : TypedResults.NoContent();
    }

    private static WaitlistEntryResponse ToResponse(WaitlistEntry e, int? position) =>
        new(e.Id, e.AppointmentId, e.ParticipantIds, e.Status, position, e.BookingId, e.CreatedAt);
}
