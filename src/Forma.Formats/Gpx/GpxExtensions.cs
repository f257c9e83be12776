using Forma.Formats.Tracks;

namespace Forma.Formats.Gpx;

/// <summary>Maps a value inside a track point's &lt;extensions&gt; onto the point, by namespace and local name.</summary>
internal static class GpxExtensions
{
    /// <summary>The stream the element feeds, or null for extensions we do not read (course, accuracy, …).</summary>
    public static string? StreamFor(string localName, string namespaceUri) => namespaceUri switch
    {
        GpxNamespaces.TrackPointV1 or GpxNamespaces.TrackPointV2 => localName switch
        {
            "hr" => StreamNames.HeartRate,
            "cad" => StreamNames.Cadence,
            "atemp" => StreamNames.Temperature,
            "speed" => StreamNames.Speed,
            _ => null,
        },
        GpxNamespaces.ClueTrust => localName switch
        {
            "hr" => StreamNames.HeartRate,
            "cadence" => StreamNames.Cadence,
            "temp" => StreamNames.Temperature,
            "distance" => StreamNames.Distance,
            _ => null,
        },
        _ when localName == "PowerInWatts" && namespaceUri.StartsWith(GpxNamespaces.PowerPrefix, StringComparison.Ordinal) => StreamNames.Power,

        // Strava and Apple write bare <power> and <speed> in the GPX namespace (or none); no schema defines them.
        _ => localName switch
        {
            "power" => StreamNames.Power,
            "speed" => StreamNames.Speed,
            _ => null,
        },
    };

    public static void Apply(TrackPoint point, string stream, double value)
    {
        switch (stream)
        {
            case StreamNames.HeartRate:
                point.HeartRate = value;
                break;
            case StreamNames.Cadence:
                point.Cadence = value;
                break;
            case StreamNames.Temperature:
                point.Temperature = value;
                break;
            case StreamNames.Speed:
                point.Speed = value;
                break;
            case StreamNames.Power:
                point.Power = value;
                break;
            case StreamNames.Distance:
                point.Distance = value;
                break;
            default:
                break;
        }
    }
}
