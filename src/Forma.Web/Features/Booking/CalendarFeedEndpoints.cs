using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

public sealed record CalendarFeedResponse(string Url);

/// <summary>
/// A staff member's appointments as an iCalendar feed that calendar apps subscribe to. The URL carries the business
/// (<c>/t/{slug}/…</c>, so tenancy and row-level security apply without a login) and a 256-bit secret; rotating the
/// secret cuts off every old subscription. Thirty days back to a year ahead; cancellations stay in the feed as
/// CANCELLED so subscribed calendars remove them.
/// </summary>
internal sealed class CalendarFeedEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/calendars").RequireTenant().MapGet("/staff/{token}.ics", Feed).AllowAnonymous().WithTags("Booking").WithName("StaffCalendarFeed")
            .WithSummary("A staff member's appointments (iCalendar), under /t/{slug}").Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var group = app.MapGroup("/api/v1/staff/{membershipId:guid}/calendar-feed").WithTags("Booking").RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetStaffCalendarFeed").WithSummary("The subscription URL of a staff calendar (the member or owners and admins)")
            .Produces<CalendarFeedResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/rotate", Rotate).RequireScope(ApiScopes.BookingsWrite).WithName("RotateStaffCalendarFeed").WithSummary("Replace the feed's secret; old subscriptions stop working")
            .Produces<CalendarFeedResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Feed(string token, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = token.Length == 64 ? await db.StaffProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.CalendarToken == token, cancellationToken) : null;
        // The index found the row; compare again in constant time so the comparison itself leaks nothing.
        if (profile is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(profile.CalendarToken), Encoding.ASCII.GetBytes(token)))
        {
            return BookingAccess.NotFound("calendar");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = (now.AddDays(-30), now.AddDays(366));
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.StaffMembershipId == profile.MembershipId && a.StartsAt >= from && a.StartsAt < to)
            .Join(db.Services, a => a.ServiceId, s => s.Id, (a, s) => new { Appointment = a, s.Name })
            .OrderBy(x => x.Appointment.StartsAt).ToListAsync(cancellationToken);
        var events = appointments.Select(x => new IcsEvent(
            $"{x.Appointment.Id}@forma", x.Appointment.StartsAt, x.Appointment.EndsAt, x.Name,
            x.Appointment.Capacity > 1 ? $"{x.Appointment.SeatsTaken} of {x.Appointment.Capacity} seats taken" : null,
            x.Appointment.Status == AppointmentStatus.Cancelled, x.Appointment.Status == AppointmentStatus.Cancelled ? 1 : 0));
        var body = IcsWriter.Write($"{http.Tenant().DisplayName} — bookings", events, now);
        return Results.Text(body, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> Get(Guid membershipId, ClaimsPrincipal user, HttpContext http, FormaDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!(caller.RunsCatalogue() || caller.MembershipId == membershipId)
            || await db.StaffProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.MembershipId == membershipId, cancellationToken) is not { } profile)
        {
            return BookingAccess.NotFound("staff calendar");
        }

        return TypedResults.Ok(new CalendarFeedResponse(FeedUrl(http, profile.CalendarToken)));
    }

    private static async Task<IResult> Rotate(Guid membershipId, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!(caller.RunsCatalogue() || caller.MembershipId == membershipId)
            || await db.StaffProfiles.SingleOrDefaultAsync(p => p.MembershipId == membershipId, cancellationToken) is not { } profile)
        {
            return BookingAccess.NotFound("staff calendar");
        }

        profile.ReplaceCalendarToken(StaffEndpoints.NewCalendarToken());
        db.AuditEvents.Add(AuditEvent.Record(profile.TenantId, "staff.calendar-feed-rotated", clock.GetUtcNow().UtcDateTime, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CalendarFeedResponse(FeedUrl(http, profile.CalendarToken)));
    }

    private static string FeedUrl(HttpContext http, string token) =>
        $"{http.Request.Scheme}://{http.Request.Host}/t/{http.Tenant().Slug}/calendars/staff/{token}.ics";
}
