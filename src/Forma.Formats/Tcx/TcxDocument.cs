using Forma.Formats.Tracks;

namespace Forma.Formats.Tcx;

/// <summary>What the parser collected from a TCX file, before it is shaped into an <see cref="ActivityFile"/>.</summary>
internal sealed class TcxDocument
{
    public List<TcxActivity> Activities { get; } = [];
    public int Courses { get; set; }

    /// <summary>The recording device from the first &lt;Activity&gt;&lt;Creator&gt;.</summary>
    public string? CreatorName { get; set; }
    public uint? UnitId { get; set; }
    public string? ProductId { get; set; }
    public string? VersionMajor { get; set; }
    public string? VersionMinor { get; set; }
}

/// <summary>One &lt;Activity&gt;: a session of the file.</summary>
internal sealed class TcxActivity(string sport)
{
    public string Sport { get; } = sport;

    /// <summary>The activity's &lt;Id&gt;, which Garmin writes as its start time.</summary>
    public DateTime? Id { get; set; }
    public List<ActivitySegment> Laps { get; } = [];
    public List<TrackPoint> Points { get; } = [];

    /// <summary>Metres added to this activity's distances so the file's distance stream keeps counting up (see TcxParser).</summary>
    public double? DistanceOffset { get; set; }
}
