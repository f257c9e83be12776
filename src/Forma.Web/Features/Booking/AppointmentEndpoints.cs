using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// <c>POST /api/v1/appointments</c> books participants into a slot; a retry with the same <c>Idempotency-Key</c>
/// header answers with the first booking instead of making another. A slot someone else took first answers 409
/// with the next free slots.
/// </summary>
internal sealed class AppointmentEndpoints : IEndpointGroup
{
    public const int SuggestedSlots = 5;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/appointments", Book).RequireScope(ApiScopes.BookingsWrite).WithName("Book")
            .WithSummary("Book one or more participants into a slot (idempotent with an Idempotency-Key header)")
            .Produces<BookingResponse>(StatusCodes.Status201Created).Produces<BookingResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/bookings/{id:guid}", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetBooking").WithSummary("One booking with its appointment")
            .Produces<BookingResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<IResult> Book(
        BookRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        var caller = Caller.From(user);
        if (idempotencyKey is { Length: 0 or > ClientBooking.IdempotencyKeyMaxLength })
        {
            return ProblemDetailsSetup.FieldProblem("Idempotency-Key", $"1 to {ClientBooking.IdempotencyKeyMaxLength} characters.");
        }

        if (idempotencyKey is not null && await BookingDesk.ReplayAsync(db, caller.MembershipId, idempotencyKey, cancellationToken) is { } replay)
        {
            return await RespondAsync(db, replay, cancellationToken);
        }

        if (await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId && !s.Archived, cancellationToken) is not { } service)
        {
            return BookingAccess.NotFound("service");
        }

        var (client, partiesProblem) = await BookingParties.ResolveAsync(caller, request, db, cancellationToken);
        if (partiesProblem is not null)
        {
            return partiesProblem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var start = request.Start.UtcDateTime;
        if (WindowProblem(service, start, now, request.ParticipantIds.Count) is { } windowProblem)
        {
            return windowProblem;
        }

        var order = new BookingOrder(service, start, request.StaffId, request.ParticipantIds, client!, caller.MembershipId, caller.UserId,
            TimeZoneInfo.FindSystemTimeZoneById(http.Tenant().TimeZone), idempotencyKey, ClientPackageId: request.ClientPackageId);
        if (await BookingParties.CheckCredentialsAsync(service, request.ParticipantIds, order.LocalDate, db, cancellationToken) is { } credentialProblem)
        {
            return credentialProblem;
        }

        var outcome = await BookingDesk.BookAsync(db, order, now, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        return outcome.Booking is null
            ? await SlotTakenAsync(db, service, start, request.StaffId, request.ParticipantIds.Count, now, cancellationToken)
            : await RespondAsync(db, outcome, cancellationToken);
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var booking = await BookingVisibility.FindAsync(db, Caller.From(user), id, cancellationToken);
        if (booking is null)
        {
            return BookingAccess.NotFound("booking");
        }

        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        return await RespondAsync(db, new BookingOutcome(booking, appointment, null, true), cancellationToken);
    }

    public static async Task<IResult> RespondAsync(FormaDbContext db, BookingOutcome outcome, CancellationToken cancellationToken)
    {
        var booking = outcome.Booking!;
        var participants = outcome.Participants
            ?? await db.BookingParticipants.Where(p => p.BookingId == booking.Id).Select(p => p.AthleteId).ToListAsync(cancellationToken);
        var resources = outcome.ResourceIds
            ?? await db.ResourceAllocations.Where(r => r.AppointmentId == booking.AppointmentId).Select(r => r.ResourceId).ToListAsync(cancellationToken);
        var body = BookingResponse.From(booking, outcome.Appointment!, participants, resources);
        return outcome.Replayed ? TypedResults.Ok(body) : TypedResults.Created($"/api/v1/bookings/{booking.Id}", body);
    }

    /// <summary>Times in the past, inside the notice period or beyond the horizon, and more people than seats are refused before anything is read for update.</summary>
    public static IResult? WindowProblem(Service service, DateTime start, DateTime now, int participants)
    {
        if (participants > service.Capacity)
        {
            return ProblemDetailsSetup.FieldProblem("participantIds", $"This service takes at most {service.Capacity} participants per appointment.");
        }

        if (start < now)
        {
            return ProblemDetailsSetup.FieldProblem("start", "Lies in the past.");
        }

        if (start < now.AddMinutes(service.MinimumNoticeMinutes))
        {
            return ProblemDetailsSetup.FieldProblem("start", $"This service is booked at least {service.MinimumNoticeMinutes} minutes ahead.");
        }

        return start > now.AddDays(service.MaximumDaysAhead)
            ? ProblemDetailsSetup.FieldProblem("start", $"This service is booked at most {service.MaximumDaysAhead} days ahead.")
            : null;
    }

    /// <summary>409, naming the next free slots from the requested start on (a week ahead), so the caller can offer them at once.</summary>
    public static async Task<IResult> SlotTakenAsync(FormaDbContext db, Service service, DateTime start, Guid? staffId, int participants, DateTime now, CancellationToken cancellationToken)
    {
        var window = new Span(start, start.AddDays(7));
        var (staff, pools) = await AvailabilityInputs.LoadAsync(db, service, window, staffId, cancellationToken);
        var next = AvailabilityCalculator.Find(SlotRules.For(service), staff, pools, now, window, participants).Take(SuggestedSlots).Select(SlotResponse.From).ToList();
        var problem = ProblemDetailsSetup.Problem(StatusCodes.Status409Conflict, ProblemTypes.For("slot-taken"), "This slot is no longer available.",
            next.Count > 0 ? "Someone else booked it first; here are the next free slots." : "Someone else booked it first, and nothing is free in the week after it.");
        problem.ProblemDetails.Extensions["nextSlots"] = next;
        return problem;
    }
}
