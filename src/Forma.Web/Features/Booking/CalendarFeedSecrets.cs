using System.Security.Cryptography;
using System.Text;
using Forma.Web.Infrastructure.Links;
using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Features.Booking;

/// <summary>
/// What the staff and client calendar feeds share: a 256-bit secret in the URL, compared in constant time, a window
/// of thirty days back to a year ahead, and the iCalendar response. The URL carries the business
/// (<c>/t/{slug}/…</c>), so tenancy and row-level security apply without a login.
/// </summary>
internal static class CalendarFeedSecrets
{
    public const int TokenLength = 64;

    /// <summary>256 bits, URL-safe: the feed's only credential.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only a well-formed token is worth a query.</summary>
    public static bool LooksValid(string token) => token.Length == TokenLength;

    /// <summary>The index found the row; compare again in constant time so the comparison itself leaks nothing.</summary>
    public static bool Matches(string stored, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented));

    public static (DateTime From, DateTime To) Window(DateTime now) => (now.AddDays(-30), now.AddDays(366));

    public static IResult Calendar(string name, IEnumerable<IcsEvent> events, DateTime now) =>
        Results.Text(IcsWriter.Write(name, events, now), "text/calendar; charset=utf-8", Encoding.UTF8);

    /// <summary>On the configured public address: the request's Host header is the caller's to forge, and this URL is handed on to calendar apps.</summary>
    public static string Url(HttpContext http, string kind, string token) =>
        http.RequestServices.GetRequiredService<PublicLinks>().Base($"/t/{http.Tenant().Slug}/calendars/{kind}/{token}.ics");
}
