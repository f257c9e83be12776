using System.Security.Claims;
using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>The same slot every <see cref="IntervalDays"/> days, <see cref="Occurrences"/> times (e.g. weekly for ten weeks).</summary>
public sealed record RecurringBookRequest(Guid ServiceId, DateTimeOffset Start, IReadOnlyList<Guid> ParticipantIds, int Occurrences, int IntervalDays = 7,
    Guid? StaffId = null, Guid? ClientAthleteId = null, Guid? ClientMembershipId = null, Guid? ClientPackageId = null);

/// <summary>One occurrence: booked (with its booking) or not, and why not.</summary>
public sealed record OccurrenceResult(DateTime Start, bool Booked, Guid? BookingId, string? Problem, string? Reason);

public sealed record RecurringBookResponse(Guid SeriesId, int Booked, IReadOnlyList<OccurrenceResult> Occurrences);

/// <summary>
/// Recurring bookings: each occurrence is booked in its own transaction, so one that is taken, outside the booking
/// window or missing a credential does not stop the others — the answer lists each with the reason. Occurrences keep
/// the first one's wall-clock time in the business's zone across daylight-saving changes.
/// </summary>
internal sealed class RecurringBookingEndpoint : IEndpointGroup
{
    public const int MaxOccurrences = 52;

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant()
            .MapPost("/appointments/recurring", Book).RequireScope(ApiScopes.BookingsWrite).WithName("BookRecurring")
            .WithSummary("Book the same slot repeatedly; what could not be booked is reported per occurrence")
            .Produces<RecurringBookResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Book(
        RecurringBookRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        if (request.Occurrences is < 1 or > MaxOccurrences)
        {
            return ProblemDetailsSetup.FieldProblem("occurrences", $"Between 1 and {MaxOccurrences}.");
        }

        if (request.IntervalDays is < 1 or > 365)
        {
            return ProblemDetailsSetup.FieldProblem("intervalDays", "Between 1 and 365.");
        }

        if (idempotencyKey is { Length: 0 or > 90 })
        {
            return ProblemDetailsSetup.FieldProblem("Idempotency-Key", "1 to 90 characters.");
        }

        var caller = Caller.From(user);
        if (await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId && !s.Archived, cancellationToken) is not { } service)
        {
            throw DomainException.NotFound("service");
        }

        var single = new BookRequest(request.ServiceId, request.Start, request.ParticipantIds, request.StaffId, request.ClientAthleteId, request.ClientMembershipId);
        var client = await BookingParties.ResolveAsync(caller, single, db, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(http.Tenant().TimeZone);
        var firstLocal = TimeZoneInfo.ConvertTimeFromUtc(request.Start.UtcDateTime, zone);
        var seriesId = Guid.CreateVersion7(now);
        var results = new List<OccurrenceResult>();
        for (var i = 0; i < request.Occurrences; i++)
        {
            var local = firstLocal.AddDays(i * request.IntervalDays);
            var start = WorkingPeriods.ToUtc(zone, local);
            var key = idempotencyKey is null ? null : $"{idempotencyKey}#{i}";
            var order = new BookingOrder(service, start, request.StaffId, request.ParticipantIds, client, caller.MembershipId, caller.UserId, zone, key, seriesId, request.ClientPackageId);
            results.Add(await BookOneAsync(db, order, now, cancellationToken));
        }

        return TypedResults.Ok(new RecurringBookResponse(seriesId, results.Count(r => r.Booked), results));
    }

    private static async Task<OccurrenceResult> BookOneAsync(FormaDbContext db, BookingOrder order, DateTime now, CancellationToken cancellationToken)
    {
        var (service, start) = (order.Service, order.Start);
        if (order.IdempotencyKey is { } key && await BookingDesk.ReplayAsync(db, order.BookedBy, key, cancellationToken) is { } replay)
        {
            return new OccurrenceResult(start, true, replay.Booking!.Id, null, null);
        }

        try
        {
            BookingPolicy.EnsureBookable(service, start, now, order.Participants.Count);
        }
        catch (DomainException window)
        {
            return new OccurrenceResult(start, false, null, "outside-booking-window", window.Message);
        }

        BookingOutcome outcome;
        try
        {
            await BookingParties.EnsureCredentialsAsync(service, order.Participants, order.LocalDate, db, cancellationToken);
            outcome = await BookingDesk.BookAsync(db, order, now, cancellationToken);
        }
        catch (DomainException refusal)
        {
            return new OccurrenceResult(start, false, null, refusal.Code, refusal.Message);
        }

        return outcome.Booking is { } booking
            ? new OccurrenceResult(start, true, booking.Id, null, null)
            : new OccurrenceResult(start, false, null, "slot-taken", "Not free: the staff member, a resource or the class is taken.");
    }
}
