using Forma.Formats.Tracks;

namespace Forma.Formats.Tcx;

/// <summary>Shapes a parsed TCX document into an <see cref="ActivityFile"/>.</summary>
internal static class TcxActivityFile
{
    public static ActivityFile From(TcxDocument document)
    {
        if (document.Activities.Count == 0)
        {
            throw document.Courses > 0
                ? new ActivityFormatException("tcx-course", "The file holds a course (a planned route), not a recorded activity.")
                : new ActivityFormatException("tcx-no-activity", "The file holds no activity.");
        }

        var sessions = document.Activities.Select(TcxSessions.Summarise).ToList();
        var points = document.Activities.SelectMany(a => a.Points).ToList();
        var start = sessions[0].StartTime ?? points.FirstOrDefault(p => p.Time is not null)?.Time;
        var sports = sessions.Select(s => s.Sport).Distinct().ToList();
        var metadata = new ActivityMetadata
        {
            Format = ActivityFormat.Tcx,
            Sport = sports.Count == 1 ? sports[0]! : "multisport",
            StartTime = start,
            Device = Device(document),
        };

        var laps = document.Activities.SelectMany(a => a.Laps).ToList();
        var warnings = document.Courses > 0 ? [$"{document.Courses} courses were not imported; only the recorded activities are."] : new List<string>();
        return new ActivityFile(metadata, sessions, laps, TrackStreams.Build(points, start)) { Warnings = warnings };
    }

    /// <summary>
    /// The model has no field for Garmin's numeric ProductID; it names the product only when the Creator has no Name.
    /// </summary>
    private static DeviceInfo? Device(TcxDocument document)
    {
        var product = document.CreatorName ?? document.ProductId;
        var version = document.VersionMajor is { } major ? (document.VersionMinor is { } minor ? $"{major}.{minor}" : major) : null;
        return product is null && document.UnitId is null && version is null
            ? null
            : new DeviceInfo(null, product, document.UnitId, version);
    }
}
