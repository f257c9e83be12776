using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Pages.Shared;

/// <summary>
/// Units and time zone: stored on the person (so they follow them to every device), and copied into this browser's
/// cookies at sign-in and on every change, so a page reads them without a query (see <see cref="Viewer"/>). Saving them
/// on the person is <see cref="Features.Accounts.SaveDisplayPreferences"/>; this is the browser's side.
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
}
