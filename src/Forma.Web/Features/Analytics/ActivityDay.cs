using Forma.Core.Tenancy;

namespace Forma.Web.Features.Analytics;

/// <summary>
/// The calendar day an activity counts on: its start in the business's time zone (an early-morning run in
/// Sydney belongs to that morning, not to the previous UTC day).
/// </summary>
internal static class ActivityDay
{
    public static DateOnly Of(DateTime startUtc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone));

    public static TimeZoneInfo ZoneOf(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
