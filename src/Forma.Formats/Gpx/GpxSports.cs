namespace Forma.Formats.Gpx;

/// <summary>
/// GPX has no sport vocabulary: &lt;trk&gt;&lt;type&gt; is free text. We map what the common writers put
/// there onto FIT sport names — words from Garmin Connect and others, numbers from Strava's activity-type
/// enumeration (1 ride, 4 hike, 9 run, 10 walk) — and call anything else generic.
/// </summary>
internal static class GpxSports
{
    public static string FromType(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "running" or "run" or "trail_running" or "9" => "running",
        "cycling" or "biking" or "bike" or "ride" or "road_biking" or "mountain_biking" or "1" => "cycling",
        "hiking" or "hike" or "4" => "hiking",
        "walking" or "walk" or "10" => "walking",
        "swimming" or "swim" or "open_water_swimming" => "swimming",
        _ => "generic",
    };
}
