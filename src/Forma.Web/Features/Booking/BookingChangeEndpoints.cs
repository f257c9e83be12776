using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary>HTTP adapters over <see cref="CancelBooking"/> and <see cref="MarkAttendance"/>.</summary>
internal sealed class BookingChangeEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bookings/{id:guid}").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/cancel", Cancel).RequireScope(ApiScopes.BookingsWrite).WithName("CancelBooking")
            .WithSummary("Cancel a booking: free until the policy's window, then its fee").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/attendance", Attendance).RequireScope(ApiScopes.BookingsWrite).WithName("MarkAttendance")
            .WithSummary("Mark a booking attended or a no-show (staff; a no-show records the service's fee)").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<BookingResponse>> Cancel(Guid id, ClaimsPrincipal user, CancelBooking cancel, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cancel.RunAsync(Caller.From(user), id, cancellationToken)).Booking);

    private static async Task<Ok<BookingResponse>> Attendance(Guid id, AttendanceRequest request, ClaimsPrincipal user, MarkAttendance mark, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mark.RunAsync(Caller.From(user), id, request, cancellationToken)).Booking);
}
