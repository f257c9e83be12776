using Forma.Formats;
using Forma.Formats.Tracks;

namespace Forma.Analytics.Merging;

/// <summary>
/// Whether two recordings are the same workout recorded by two devices: the same sport family, starts within
/// <see cref="StartTolerance"/>, time overlap of at least <see cref="MinOverlap"/> of the shorter one, and —
/// when both have GPS — tracks within <see cref="MaxTrackGap"/> metres of each other (median over matched
/// instants), so two people's runs that start together are not merged.
/// </summary>
public static class SameWorkout
{
    public static readonly TimeSpan StartTolerance = TimeSpan.FromMinutes(5);
    public const double MinOverlap = 0.8;
    public const double MaxTrackGap = 100;
    private const int TrackChecks = 25;

    public static bool Test(string sportA, DateTime startA, double durationA, TimedStreams a, string sportB, DateTime startB, double durationB, TimedStreams b)
    {
        if (!SameFamily(sportA, sportB) || (startA - startB).Duration() > StartTolerance)
        {
            return false;
        }

        var overlap = (Min(startA.AddSeconds(durationA), startB.AddSeconds(durationB)) - Max(startA, startB)).TotalSeconds;
        var shorter = Math.Min(durationA, durationB);
        if (shorter <= 0 || overlap < MinOverlap * shorter)
        {
            return false;
        }

        if (a.ValidCount(StreamNames.Latitude) == 0 || b.ValidCount(StreamNames.Latitude) == 0)
        {
            return true;
        }

        var from = (Max(startA, startB) - DateTime.UnixEpoch).TotalSeconds;
        var gaps = new List<double>();
        for (var k = 0; k < TrackChecks; k++)
        {
            var at = from + overlap * (k + 0.5) / TrackChecks;
            int i = a.Nearest(at, 5), j = b.Nearest(at, 5);
            if (i >= 0 && j >= 0 && Position(a, i) is var (latA, lonA) && Position(b, j) is var (latB, lonB)
                && double.IsFinite(latA) && double.IsFinite(latB))
            {
                gaps.Add(Haversine.Metres(latA, lonA, latB, lonB));
            }
        }

        return gaps.Count > 0 && gaps.Order().ElementAt(gaps.Count / 2) <= MaxTrackGap;
    }

    /// <summary>Sports that two devices may name differently for one workout: "cycling" and "generic" match anything of themselves or generic.</summary>
    private static bool SameFamily(string a, string b) =>
        a == b || a == "generic" || b == "generic" || Family(a) == Family(b);

    private static string Family(string sport) => sport switch
    {
        "running" or "trail_running" or "treadmill" or "walking" or "hiking" => "foot",
        "cycling" or "e_biking" or "mountain_biking" => "cycling",
        _ => sport,
    };

    private static (double Lat, double Lon) Position(TimedStreams s, int i) => (s.Streams[StreamNames.Latitude]![i], s.Streams[StreamNames.Longitude]![i]);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
