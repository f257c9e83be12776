using System.Security.Claims;
using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// <c>POST /api/v1/appointments</c>, an adapter over <see cref="BookAppointment"/>: a retry with the same
/// <c>Idempotency-Key</c> answers 200 with the first booking; a key reused for another request 422; a slot someone else
/// took first 409 with the next free slots.
/// </summary>
internal sealed class AppointmentEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/appointments", Book).RequireScope(ApiScopes.BookingsWrite).WithName("Book")
            .WithSummary("Book one or more participants into a slot (idempotent with an Idempotency-Key header)")
            .Produces<BookingResponse>(StatusCodes.Status201Created).Produces<BookingResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/bookings/{id:guid}", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetBooking").WithSummary("One booking with its appointment")
            .Produces<BookingResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<BookingResponse>, Ok<BookingResponse>>> Book(
        BookRequest request, ClaimsPrincipal user, BookAppointment book, CancellationToken cancellationToken, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        var result = await book.RunAsync(Caller.From(user), request, idempotencyKey, cancellationToken);
        return result.Replayed ? TypedResults.Ok(result.Booking) : TypedResults.Created($"/api/v1/bookings/{result.Booking.Id}", result.Booking);
    }

    private static async Task<Ok<BookingResponse>> Get(Guid id, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var booking = await BookingVisibility.FindAsync(db, Caller.From(user), id, cancellationToken) ?? throw DomainException.NotFound("booking");
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        return TypedResults.Ok((await BookingResults.DescribeAsync(db, new BookingOutcome(booking, appointment, null, true), cancellationToken)).Booking);
    }
}
