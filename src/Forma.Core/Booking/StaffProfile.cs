using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// A staff member (an owner, admin or coach membership) as the calendar sees them: the zone their hours are in,
/// their skills, the services they deliver and their weekly hours. Without a profile a member is not bookable.
/// </summary>
public sealed class StaffProfile : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid MembershipId { get; private set; }
    public string TimeZone { get; private set; } = "";
    public List<string> Skills { get; private set; } = [];
    public List<Guid> ServiceIds { get; private set; } = [];
    public List<WeeklyPeriod> WeeklyHours { get; private set; } = [];
    public bool Bookable { get; private set; }

    /// <summary>A secret for the staff member's calendar feed URL; replaced to revoke old subscriptions.</summary>
    public string CalendarToken { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    private StaffProfile()
    {
    }

    public static StaffProfile Create(Guid tenantId, Guid membershipId, string calendarToken, DateTime now) =>
        new() { TenantId = tenantId, MembershipId = membershipId, CalendarToken = calendarToken, UpdatedAt = now };

    public void Define(string timeZone, IReadOnlyList<string> skills, IReadOnlyList<Guid> serviceIds, IReadOnlyList<WeeklyPeriod> weeklyHours, bool bookable, DateTime now)
    {
        TimeZone = TimeZones.Require(timeZone, "timeZone");
        ServiceTerms.RequireTags(skills, "skills");
        Skills = [.. ServiceTerms.Normalize(skills)];
        ServiceIds = serviceIds.Distinct().ToList();
        WeeklyHours = [.. WeeklyPeriod.Validated(weeklyHours, "weeklyHours")];
        Bookable = bookable;
        UpdatedAt = now;
    }

    public void ReplaceCalendarToken(string token) => CalendarToken = token;

    /// <summary>Whether this member may deliver <paramref name="service"/>: listed for it and holding every skill it needs.</summary>
    public bool Delivers(Service service) =>
        Bookable && ServiceIds.Contains(service.Id) && service.RequiredSkills.All(Skills.Contains);
}
