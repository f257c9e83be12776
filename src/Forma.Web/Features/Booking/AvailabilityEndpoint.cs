using Forma.Core.Accounts;
using Forma.Core.Booking.Scheduling;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>A bookable start: with whom, how many seats are left, and whether it joins an existing class.</summary>
public sealed record SlotResponse(DateTime Start, DateTime End, Guid StaffId, int SeatsLeft, Guid? JoinsAppointmentId)
{
    public static SlotResponse From(Slot s) => new(s.Start, s.End, s.StaffId, s.SeatsLeft, s.JoinsAppointmentId);
}

/// <summary><c>GET /api/v1/availability</c>: bookable slots of a service over a window, for everyone in the business.</summary>
internal sealed class AvailabilityEndpoint : IEndpointGroup
{
    /// <summary>Five weeks: a month view with the days around it.</summary>
    public const int MaxWindowDays = 35;

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant()
            .MapGet("/availability", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetAvailability")
            .WithSummary("Bookable slots of a service between two instants, optionally with one staff member and for several participants")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<List<SlotResponse>>, ValidationProblem, ProblemHttpResult>> Get(
        Guid serviceId, DateTimeOffset from, DateTimeOffset to, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken, Guid? staffId = null, int participants = 1)
    {
        if (to <= from)
        {
            return ProblemDetailsSetup.FieldProblem("to", "Must be after 'from'.");
        }

        if (to - from > TimeSpan.FromDays(MaxWindowDays))
        {
            return ProblemDetailsSetup.FieldProblem("to", $"At most {MaxWindowDays} days after 'from'.");
        }

        if (participants is < 1 or > 500)
        {
            return ProblemDetailsSetup.FieldProblem("participants", "Between 1 and 500.");
        }

        if (await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && !s.Archived, cancellationToken) is not { } service)
        {
            return BookingAccess.NotFound("service");
        }

        var window = new Span(from.UtcDateTime, to.UtcDateTime);
        var (staff, pools) = await AvailabilityInputs.LoadAsync(db, service, window, staffId, cancellationToken);
        var slots = AvailabilityCalculator.Find(SlotRules.For(service), staff, pools, clock.GetUtcNow().UtcDateTime, window, participants);
        return TypedResults.Ok(slots.Select(SlotResponse.From).ToList());
    }
}
