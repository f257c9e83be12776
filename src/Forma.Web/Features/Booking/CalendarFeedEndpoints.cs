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

public sealed record CalendarFeedResponse(string Url);

/// <summary>
/// A staff member's appointments as an iCalendar feed that calendar apps subscribe to, behind a secret URL
/// (<see cref="CalendarFeedSecrets"/>); rotating the secret cuts off every old subscription. Cancellations stay in
/// the feed as CANCELLED so subscribed calendars remove them.
/// </summary>
internal sealed class CalendarFeedEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/calendars").RequireTenant().MapGet("/staff/{token}.ics", Feed).AllowAnonymous().WithTags("Booking").RequireFeature(PlanFeature.Booking).WithName("StaffCalendarFeed")
            .WithSummary("A staff member's appointments (iCalendar), under /t/{slug}").Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var group = app.MapGroup("/api/v1/staff/{membershipId:guid}/calendar-feed").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetStaffCalendarFeed").WithSummary("The subscription URL of a staff calendar (the member or owners and admins)")
            .Produces<CalendarFeedResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/rotate", Rotate).RequireScope(ApiScopes.BookingsWrite).WithName("RotateStaffCalendarFeed").WithSummary("Replace the feed's secret; old subscriptions stop working")
            .Produces<CalendarFeedResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Feed(string token, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = CalendarFeedSecrets.LooksValid(token) ? await db.StaffProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.CalendarToken == token, cancellationToken) : null;
        if (profile is null || !CalendarFeedSecrets.Matches(profile.CalendarToken, token))
        {
            return BookingAccess.NotFound("calendar");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = CalendarFeedSecrets.Window(now);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.StaffMembershipId == profile.MembershipId && a.StartsAt >= from && a.StartsAt < to)
            .Join(db.Services, a => a.ServiceId, s => s.Id, (a, s) => new { Appointment = a, s.Name })
            .OrderBy(x => x.Appointment.StartsAt).ToListAsync(cancellationToken);
        var events = appointments.Select(x => new IcsEvent(
            $"{x.Appointment.Id}@forma", x.Appointment.StartsAt, x.Appointment.EndsAt, x.Name,
            x.Appointment.Capacity > 1 ? $"{x.Appointment.SeatsTaken} of {x.Appointment.Capacity} seats taken" : null,
            x.Appointment.Status == AppointmentStatus.Cancelled, x.Appointment.Status == AppointmentStatus.Cancelled ? 1 : 0));
        return CalendarFeedSecrets.Calendar($"{http.Tenant().DisplayName} — bookings", events, now);
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

        profile.ReplaceCalendarToken(CalendarFeedSecrets.NewToken());
        db.AuditEvents.Add(AuditEvent.Record(profile.TenantId, "staff.calendar-feed-rotated", clock.GetUtcNow().UtcDateTime, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CalendarFeedResponse(FeedUrl(http, profile.CalendarToken)));
    }

    private static string FeedUrl(HttpContext http, string token) => CalendarFeedSecrets.Url(http, "staff", token);
}
