using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary><c>GET /api/v1/appointments?from&amp;to[&amp;staffId]</c>: an adapter over <see cref="ListCalendar"/>.</summary>
internal sealed class CalendarEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant()
            .MapGet("/appointments", List).RequireScope(ApiScopes.BookingsRead).WithName("ListAppointments")
            .WithSummary("Appointments between two instants with their bookings (staff: all; clients: their own)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Ok<List<CalendarAppointment>>> List(DateTimeOffset from, DateTimeOffset to, ClaimsPrincipal user, ListCalendar calendar, CancellationToken cancellationToken,
        Guid? staffId = null, bool includeCancelled = false) =>
        TypedResults.Ok(await calendar.RunAsync(Caller.From(user), new CalendarQuery(from, to, staffId, includeCancelled), cancellationToken));
}
