using System.Globalization;

namespace Forma.Formats.Archives;

/// <summary>Strava's activity types and dates in our model's terms.</summary>
internal static class StravaValues
{
    /// <summary>"Jul 2, 2023, 8:01:37 AM" in current exports; older ones wrote ISO-like dates.</summary>
    private static readonly string[] DateFormats =
    [
        "MMM d, yyyy, h:mm:ss tt",
        "MMM d, yyyy, H:mm:ss",
        "MMM d, yyyy h:mm:ss tt",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ssZ",
    ];

    /// <summary>Sport and FIT sub-sport for a Strava activity type; unknown types pass through lower-cased.</summary>
    public static (string Sport, string? SubSport) Sport(string type) => type switch
    {
        "Ride" => ("cycling", null),
        "Run" => ("running", null),
        "Walk" => ("walking", null),
        "Hike" => ("hiking", null),
        "Swim" => ("swimming", null),
        "VirtualRide" or "Virtual Ride" => ("cycling", "virtual_activity"),
        "VirtualRun" or "Virtual Run" => ("running", "virtual_activity"),
        _ => (type.ToLowerInvariant(), null),
    };

    /// <summary>The export writes activity dates in UTC, whatever the athlete's time zone.</summary>
    public static DateTime? Date(string? text) =>
        text is not null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
