using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Pages.Shared;

/// <summary>
/// Units and time zone: stored on the person (so they follow them to every device), and copied into this browser's
/// cookies at sign-in and on every change, so a page reads them without a query (see <see cref="Viewer"/>).
/// </summary>
internal static class DisplayPreferences
{
    public static void WriteCookies(HttpContext http, bool imperial, string? timeZone)
    {
        var options = new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true };
        http.Response.Cookies.Append(Viewer.UnitsCookie, imperial ? "imperial" : "metric", options);
        if (timeZone is { Length: > 0 } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            http.Response.Cookies.Append(Viewer.ZoneCookie, zone, options);
        }
    }

    /// <summary>After signing in: the person's stored choices, if they made any, replace this browser's.</summary>
    public static async Task RestoreAsync(HttpContext http, FormaDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Units, u.TimeZone }).SingleAsync(cancellationToken);
        if (stored.Units is not null || stored.TimeZone is not null)
        {
            WriteCookies(http, stored.Units == "imperial", stored.TimeZone);
        }
    }

    public static async Task SaveAsync(HttpContext http, FormaDbContext db, Guid userId, bool imperial, string? timeZone, CancellationToken cancellationToken)
    {
        var zone = timeZone is { Length: > 0 } z && TimeZoneInfo.TryFindSystemTimeZoneById(z, out _) ? z : null;
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.SetPreferences(imperial, zone);
        await db.SaveChangesAsync(cancellationToken);
        WriteCookies(http, imperial, zone);
    }
}
