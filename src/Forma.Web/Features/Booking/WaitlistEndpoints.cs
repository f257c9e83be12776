using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Wait for seats in a full appointment").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/appointments/{appointmentId:guid}/waitlist", List).RequireScope(ApiScopes.BookingsRead).WithName("ListWaitlist")
            .WithSummary("An appointment's waitlist in order (staff: everyone; clients: their own entries)").Produces<List<WaitlistEntryResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/waitlist/{id:guid}", Withdraw).RequireScope(ApiScopes.BookingsWrite).WithName("LeaveWaitlist")
            .WithSummary("Stop waiting").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<WaitlistEntryResponse>> Join(Guid appointmentId, WaitlistRequest request, ClaimsPrincipal user, JoinWaitlist join, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/appointments/{appointmentId}/waitlist", await join.RunAsync(Caller.From(user), appointmentId, request, cancellationToken));

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

    private static async Task<NoContent> Withdraw(Guid id, ClaimsPrincipal user, LeaveWaitlist leave, CancellationToken cancellationToken)
    {
        await leave.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static WaitlistEntryResponse ToResponse(WaitlistEntry e, int? position) =>
        new(e.Id, e.AppointmentId, e.ParticipantIds, e.Status, position, e.BookingId, e.CreatedAt);
}
