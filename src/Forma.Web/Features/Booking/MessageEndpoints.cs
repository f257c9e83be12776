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

public sealed record BookingMessageResponse(Guid Id, Guid BookingId, BookingMessageKind Kind, string Subject, string Body, DateTime RecordedAt)
{
    public static BookingMessageResponse From(BookingMessage m) => new(m.Id, m.BookingId, m.Kind, m.Subject, m.Body, m.RecordedAt);
}

/// <summary>Booking messages as recorded (see <see cref="BookingNotices"/>): per booking for whoever sees it, and a client's inbox.</summary>
internal sealed class MessageEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/bookings/{id:guid}/messages", ForBooking).RequireScope(ApiScopes.BookingsRead).WithName("ListBookingMessages")
            .WithSummary("Confirmations, reminders and cancellations of one booking").Produces<List<BookingMessageResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/messages", Inbox).RequireScope(ApiScopes.BookingsRead).WithName("ListMessages")
            .WithSummary("A client's latest booking messages; without a client, the caller's own").Produces<List<BookingMessageResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ForBooking(Guid id, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (await BookingVisibility.FindAsync(db, Caller.From(user), id, cancellationToken) is null)
        {
            return BookingAccess.NotFound("booking");
        }

        var messages = await db.BookingMessages.AsNoTracking().Where(m => m.BookingId == id).OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(messages.Select(BookingMessageResponse.From).ToList());
    }

    private static async Task<Ok<List<BookingMessageResponse>>> Inbox(ClaimsPrincipal user, ListClientMessages inbox, CancellationToken cancellationToken, Guid? clientAthleteId = null, Guid? clientMembershipId = null) =>
        TypedResults.Ok(await inbox.RunAsync(Caller.From(user), clientAthleteId, clientMembershipId, cancellationToken));
}
