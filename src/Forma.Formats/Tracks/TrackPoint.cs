namespace Forma.Formats.Tracks;

/// <summary>One recorded point as the XML formats describe it, before it becomes a row of the columnar streams. NaN = absent.</summary>
internal sealed class TrackPoint
{
    public DateTime? Time { get; set; }
    public double Latitude { get; set; } = double.NaN;
    public double Longitude { get; set; } = double.NaN;
    public double Altitude { get; set; } = double.NaN;
    public double Distance { get; set; } = double.NaN;
    public double Speed { get; set; } = double.NaN;
    public double HeartRate { get; set; } = double.NaN;
    public double Cadence { get; set; } = double.NaN;
    public double Power { get; set; } = double.NaN;
    public double Temperature { get; set; } = double.NaN;

    /// <summary>The first point after a recording gap (a new GPX segment): no distance is counted across the gap.</summary>
    public bool StartsSegment { get; set; }

    public bool HasPosition => !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
}
