using Forma.Formats.Tracks;

namespace Forma.Formats.Gpx;

/// <summary>Shapes a parsed GPX document into an <see cref="ActivityFile"/>.</summary>
internal static class GpxActivity
{
    public static ActivityFile From(GpxDocument document)
    {
        var points = InTimeOrder(document.Segments);
        if (points.Count == 0)
        {
            throw new ActivityFormatException("gpx-no-track", NoTrackMessage(document));
        }

        var start = points.FirstOrDefault(p => p.Time is not null)?.Time;
        var metadata = new ActivityMetadata
        {
            Format = ActivityFormat.Gpx,
            Sport = GpxSports.FromType(document.TrackType),
            StartTime = start,
            Name = document.TrackName ?? document.MetadataName,
            Device = document.Creator is { Length: > 0 } creator ? new DeviceInfo(null, creator, null, null) : null,
        };

        // GPX carries no device summary: sessions and laps stay empty and analytics computes the totals.
        return new ActivityFile(metadata, [], [], TrackStreams.Build(points, start)) { Warnings = Warnings(document) };
    }

    /// <summary>
    /// Segments are concatenated by their first timestamp, because files that merge several recordings do not
    /// always list them in order. A segment without any time keeps its place after the segment before it.
    /// </summary>
    private static List<TrackPoint> InTimeOrder(List<List<TrackPoint>> segments)
    {
        var keyed = new List<(DateTime Key, List<TrackPoint> Points)>(segments.Count);
        var key = DateTime.MinValue;
        foreach (var segment in segments.Where(s => s.Count > 0))
        {
            key = segment.FirstOrDefault(p => p.Time is not null)?.Time ?? key;
            segment[0].StartsSegment = true;
            keyed.Add((key, segment));
        }

        return [.. keyed.OrderBy(s => s.Key).SelectMany(s => s.Points)];
    }

    private static string NoTrackMessage(GpxDocument document) => document.RoutePoints > 0
        ? $"The file holds a planned route ({document.RoutePoints} route points) but no recorded track."
        : document.Waypoints > 0
            ? $"The file holds {document.Waypoints} waypoints but no recorded track."
            : "The file holds no track points.";

    private static List<string> Warnings(GpxDocument document)
    {
        var warnings = new List<string>();
        if (document.RoutePoints > 0)
        {
            warnings.Add($"{document.RoutePoints} route points were not imported; only the recorded track is.");
        }

        if (document.Waypoints > 0)
        {
            warnings.Add($"{document.Waypoints} waypoints were not imported; only the recorded track is.");
        }

        return warnings;
    }
}
