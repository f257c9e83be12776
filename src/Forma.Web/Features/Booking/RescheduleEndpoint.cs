using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary>HTTP adapter over <see cref="RescheduleBooking"/>.</summary>
internal sealed class RescheduleEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant()
            .MapPost("/bookings/{id:guid}/reschedule", Reschedule).RequireScope(ApiScopes.BookingsWrite).WithName("RescheduleBooking")
            .WithSummary("Move a booking to another slot; the old one is released only if the new one is taken")
            .Produces<BookingResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);


    private static async Task<Created<BookingResponse>> Reschedule(Guid id, RescheduleRequest request, ClaimsPrincipal user, RescheduleBooking reschedule, CancellationToken cancellationToken)
    {
        var moved = (await reschedule.RunAsync(Caller.From(user), id, request, cancellationToken)).Booking;
        return TypedResults.Created($"/api/v1/bookings/{moved.Id}", moved);
    }
}
