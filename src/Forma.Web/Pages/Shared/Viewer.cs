using System.Globalization;
using System.Security.Claims;
using Forma.Web.Features.Accounts;
using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Pages.Shared;

/// <summary>
/// Who is looking at a page and how they want to read it: their role in the business, their time zone and their
/// units. Units and zone come from the browser's preference cookies (set on the settings page; the zone is detected
/// by the browser on its first visit), falling back to the business's zone.
/// </summary>
internal sealed class Viewer
{
    public const string UnitsCookie = "forma_units";
    public const string ZoneCookie = "forma_tz";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private Viewer(Caller? caller, ResolvedTenant? tenant, TimeZoneInfo zone, bool imperial)
    {
        Caller = caller;
        Tenant = tenant;
        Zone = zone;
        Imperial = imperial;
    }

    public Caller? Caller { get; }
    public ResolvedTenant? Tenant { get; }
    public TimeZoneInfo Zone { get; }
    public bool Imperial { get; }
    public bool IsStaff => Caller?.IsStaff == true;

    public static Viewer From(HttpContext http)
    {
        var caller = http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(AccessTokens.SessionClaim) is not null ? Caller.From(http.User) : null;
        var tenant = http.Features.Get<ResolvedTenant>();
        var zoneId = http.Request.Cookies[ZoneCookie] ?? tenant?.TimeZone ?? "UTC";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found
            : TimeZoneInfo.FindSystemTimeZoneById(tenant?.TimeZone ?? "UTC");
        return new Viewer(caller, tenant, zone, http.Request.Cookies[UnitsCookie] == "imperial");
    }

    public System.DateTime Local(System.DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow().UtcDateTime));

    public string Date(DateTime utc) => Local(utc).ToString("ddd d MMM yyyy", Culture);

    public string DateAndTime(DateTime utc) => Local(utc).ToString("ddd d MMM yyyy, HH:mm", Culture);

    public string Time(DateTime utc) => Local(utc).ToString("HH:mm", Culture);

    public string Distance(double? meters) => meters is not { } m ? "—"
        : Imperial ? (m / 1609.344).ToString("0.00", Culture) + " mi" : (m / 1000).ToString("0.00", Culture) + " km";

    public string Elevation(double? meters) => meters is not { } m ? "—"
        : Imperial ? (m * 3.28084).ToString("0", Culture) + " ft" : m.ToString("0", Culture) + " m";

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}" : $"{span.Minutes}:{span.Seconds:00}";
    }

    public static string Number(double? value, string format = "0") => value is { } v && double.IsFinite(v) ? v.ToString(format, Culture) : "—";

    public static string Money(long minor, string currency) => (minor / 100m).ToString("0.00", Culture) + " " + currency.ToUpperInvariant();
}
