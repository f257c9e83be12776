using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// A client's bookings as an iCalendar feed: an athlete's own, or everything a guardian booked for their dependents
/// (each event names who attends). The secret is made on first request and can be rotated; staff can fetch a
/// client's URL to hand it on. One event per booking, so a rescheduled booking shows the old time as CANCELLED.
/// </summary>
internal sealed class ClientCalendarFeedEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/calendars").RequireTenant().MapGet("/clients/{token}.ics", Feed).AllowAnonymous().WithTags("Booking").RequireFeature(PlanFeature.Booking).WithName("ClientCalendarFeed")
            .WithSummary("A client's bookings (iCalendar), under /t/{slug}").Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var group = app.MapGroup("/api/v1/calendar-feed").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetClientCalendarFeed")
            .WithSummary("The subscription URL of the caller's bookings (staff name a client with clientAthleteId or clientMembershipId)").Produces<CalendarFeedResponse>();
        group.MapPost("/rotate", Rotate).RequireScope(ApiScopes.BookingsWrite).WithName("RotateClientCalendarFeed")
            .WithSummary("Replace the client feed's secret; old subscriptions stop working").Produces<CalendarFeedResponse>();
    }

    private static async Task<IResult> Feed(string token, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var feed = CalendarFeedSecrets.LooksValid(token) ? await db.ClientCalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Token == token, cancellationToken) : null;
        if (feed is null || !CalendarFeedSecrets.Matches(feed.Token, token))
        {
            return BookingAccess.NotFound("calendar");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = CalendarFeedSecrets.Window(now);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ClientAthleteId == feed.ClientAthleteId && b.ClientMembershipId == feed.ClientMembershipId)
            .Join(db.Appointments, b => b.AppointmentId, a => a.Id, (b, a) => new { Booking = b, Appointment = a })
            .Where(x => x.Appointment.StartsAt >= from && x.Appointment.StartsAt < to)
            .Join(db.Services, x => x.Appointment.ServiceId, s => s.Id, (x, s) => new { x.Booking, x.Appointment, Service = s.Name })
            .OrderBy(x => x.Appointment.StartsAt).ToListAsync(cancellationToken);
        var bookingIds = bookings.Select(x => x.Booking.Id).ToList();
        var attendees = (await db.BookingParticipants.AsNoTracking().Where(p => bookingIds.Contains(p.BookingId))
                .Join(db.Athletes, p => p.AthleteId, a => a.Id, (p, a) => new { p.BookingId, a.FirstName, a.LastName }).ToListAsync(cancellationToken))
            .ToLookup(p => p.BookingId, p => $"{p.FirstName} {p.LastName}");

        var events = bookings.Select(x =>
        {
            var cancelled = x.Booking.Status == BookingStatus.Cancelled || x.Appointment.Status == AppointmentStatus.Cancelled;
            return new IcsEvent($"{x.Booking.Id}@forma", x.Appointment.StartsAt, x.Appointment.EndsAt, x.Service,
                $"For {string.Join(", ", attendees[x.Booking.Id].Order(StringComparer.Ordinal))}", cancelled, cancelled ? 1 : 0);
        });
        return CalendarFeedSecrets.Calendar($"{http.Tenant().DisplayName} — my bookings", events, now);
    }

    private static async Task<IResult> Get(Guid? clientAthleteId, Guid? clientMembershipId, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (feed, problem) = await FindOrCreateAsync(Caller.From(user), http, db, clientAthleteId, clientMembershipId, clock, cancellationToken);
        return problem ?? TypedResults.Ok(new CalendarFeedResponse(CalendarFeedSecrets.Url(http, "clients", feed!.Token)));
    }

    private static async Task<IResult> Rotate(Guid? clientAthleteId, Guid? clientMembershipId, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var (feed, problem) = await FindOrCreateAsync(caller, http, db, clientAthleteId, clientMembershipId, clock, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        feed!.Rotate(CalendarFeedSecrets.NewToken(), now);
        db.AuditEvents.Add(AuditEvent.Record(feed.TenantId, "client.calendar-feed-rotated", now, caller.UserId, feed.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CalendarFeedResponse(CalendarFeedSecrets.Url(http, "clients", feed.Token)));
    }

    private static async Task<(ClientCalendarFeed? Feed, IResult? Problem)> FindOrCreateAsync(
        Caller caller, HttpContext http, FormaDbContext db, Guid? clientAthleteId, Guid? clientMembershipId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var client = await ClientAccounts.ResolveAsync(caller, db, clientAthleteId, clientMembershipId, cancellationToken);

        var feed = await db.ClientCalendarFeeds.SingleOrDefaultAsync(f => f.ClientAthleteId == client.AthleteId && f.ClientMembershipId == client.GuardianMembershipId, cancellationToken);
        if (feed is not null)
        {
            return (feed, null);
        }

        // Staff may name any client of this business, but only one that exists (another tenant's id is not found here).
        var exists = client.AthleteId is { } athleteId
            ? await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken)
            : await db.Memberships.AnyAsync(m => m.Id == client.GuardianMembershipId, cancellationToken);
        if (!exists)
        {
            return (null, BookingAccess.NotFound("client"));
        }

        feed = ClientCalendarFeed.Create(http.Tenant().Id, client, CalendarFeedSecrets.NewToken(), clock.GetUtcNow().UtcDateTime);
        db.ClientCalendarFeeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (feed, null);
        }
        catch (DbUpdateException)
        {
            // Two first requests raced and the other made the feed: use that one.
            db.Entry(feed).State = EntityState.Detached;
            return (await db.ClientCalendarFeeds.SingleAsync(f => f.ClientAthleteId == client.AthleteId && f.ClientMembershipId == client.GuardianMembershipId, cancellationToken), null);
        }
    }
}
