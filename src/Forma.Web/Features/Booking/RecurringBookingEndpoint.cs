using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Features.Booking;

/// <summary>The same slot every <see cref="IntervalDays"/> days, <see cref="Occurrences"/> times (e.g. weekly for ten weeks).</summary>
public sealed record RecurringBookRequest(Guid ServiceId, DateTimeOffset Start, IReadOnlyList<Guid> ParticipantIds, int Occurrences, int IntervalDays = 7,
    Guid? StaffId = null, Guid? ClientAthleteId = null, Guid? ClientMembershipId = null, Guid? ClientPackageId = null);

/// <summary>One occurrence: booked (with its booking) or not, and why not.</summary>
public sealed record OccurrenceResult(DateTime Start, bool Booked, Guid? BookingId, string? Problem, string? Reason);

public sealed record RecurringBookResponse(Guid SeriesId, int Booked, IReadOnlyList<OccurrenceResult> Occurrences);

/// <summary>An adapter over <see cref="BookRecurring"/>.</summary>
internal sealed class RecurringBookingEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant()
            .MapPost("/appointments/recurring", Book).RequireScope(ApiScopes.BookingsWrite).WithName("BookRecurring")
            .WithSummary("Book the same slot repeatedly; what could not be booked is reported per occurrence")
            .Produces<RecurringBookResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<RecurringBookResponse>> Book(
        RecurringBookRequest request, ClaimsPrincipal user, BookRecurring book, CancellationToken cancellationToken, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null) =>
        TypedResults.Ok(await book.RunAsync(Caller.From(user), request, idempotencyKey, cancellationToken));
}
