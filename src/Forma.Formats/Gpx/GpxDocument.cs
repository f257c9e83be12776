using Forma.Formats.Tracks;

namespace Forma.Formats.Gpx;

/// <summary>What the parser collected from a GPX file, before it is shaped into an <see cref="ActivityFile"/>.</summary>
internal sealed class GpxDocument
{
    public string? Creator { get; set; }
    public string? MetadataName { get; set; }
    public string? TrackName { get; set; }
    public string? TrackType { get; set; }
    public List<List<TrackPoint>> Segments { get; } = [];
    public int RoutePoints { get; set; }
    public int Waypoints { get; set; }
}
