using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Booking.Scheduling;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary>A bookable start: with whom, how many seats are left, and whether it joins an existing class.</summary>
public sealed record SlotResponse(DateTime Start, DateTime End, Guid StaffId, int SeatsLeft, Guid? JoinsAppointmentId)
{
    public static SlotResponse From(Slot s) => new(s.Start, s.End, s.StaffId, s.SeatsLeft, s.JoinsAppointmentId);
}

/// <summary><c>GET /api/v1/availability</c>: an adapter over <see cref="FindSlots"/>.</summary>
internal sealed class AvailabilityEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant()
            .MapGet("/availability", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetAvailability")
            .WithSummary("Bookable slots of a service between two instants, optionally with one staff member and for several participants")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<List<SlotResponse>>> Get(
        Guid serviceId, DateTimeOffset from, DateTimeOffset to, ClaimsPrincipal user, FindSlots find, CancellationToken cancellationToken, Guid? staffId = null, int participants = 1) =>
        TypedResults.Ok(await find.RunAsync(Caller.From(user), new SlotQuery(serviceId, from, to, staffId, participants), cancellationToken));
}
