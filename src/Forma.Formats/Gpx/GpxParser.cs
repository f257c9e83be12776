using System.Xml;
using Forma.Formats.Tracks;
using Forma.Formats.Xml;

namespace Forma.Formats.Gpx;

/// <summary>
/// The GPX element handlers. Core elements are matched by local name in context (trkpt inside trkseg, ele
/// inside trkpt) so GPX 1.0, 1.1 and namespace-less files read alike; extension values by namespace.
/// </summary>
internal sealed class GpxParser(XmlReadOptions options) : StreamingXmlParser<GpxDocument>(options, "gpx")
{
    private List<TrackPoint>? _segment;
    private TrackPoint? _point;

    /// <summary>Depth of the open &lt;extensions&gt; of the current track point, or 0 outside one.</summary>
    private int _extensionsDepth;

    protected override void OnStart(XmlReader reader, string localName, string namespaceUri)
    {
        switch (localName)
        {
            case "gpx" when Depth == 1:
                Document.Creator = reader.GetAttribute("creator");
                break;
            case "trkseg":
                _segment = [];
                Document.Segments.Add(_segment);
                break;
            case "trkpt" when _segment is not null && _point is null:
                _point = new TrackPoint
                {
                    Latitude = Number(reader.GetAttribute("lat") ?? "", "trkpt lat", -90, 90),
                    Longitude = Number(reader.GetAttribute("lon") ?? "", "trkpt lon", -180, 180),
                };
                break;
            case "extensions" when _point is not null && Ancestor(1) == "trkpt":
                _extensionsDepth = Depth;
                break;
            case "rtept":
                Document.RoutePoints++;
                break;
            case "wpt":
                Document.Waypoints++;
                break;
            default:
                break;
        }
    }

    protected override void OnEnd(string localName, string namespaceUri, string text)
    {
        if (_point is not null)
        {
            EndInPoint(_point, localName, namespaceUri, text);
            return;
        }

        switch (localName)
        {
            case "trkseg":
                _segment = null;
                break;
            case "name" when text.Length > 0 && Ancestor(1) == "trk":
                Document.TrackName ??= text;
                break;
            case "name" when text.Length > 0 && Ancestor(1) is "metadata" or "gpx":
                Document.MetadataName ??= text;
                break;
            case "type" when text.Length > 0 && Ancestor(1) == "trk":
                Document.TrackType ??= text;
                break;
            default:
                break;
        }
    }

    private void EndInPoint(TrackPoint point, string localName, string namespaceUri, string text)
    {
        if (_extensionsDepth > 0)
        {
            if (Depth == _extensionsDepth)
            {
                _extensionsDepth = 0;
            }
            else if (GpxExtensions.StreamFor(localName, namespaceUri) is { } stream)
            {
                GpxExtensions.Apply(point, stream, Number(text, localName));
            }

            return;
        }

        switch (localName)
        {
            case "trkpt":
                _segment!.Add(point);
                _point = null;
                break;
            case "ele" when Ancestor(1) == "trkpt":
                point.Altitude = Number(text, "ele");
                break;
            case "time" when Ancestor(1) == "trkpt":
                point.Time = Time(text, "time");
                break;

            // GPX 1.0 has <speed> as a child of the point itself.
            case "speed" when Ancestor(1) == "trkpt":
                point.Speed = Number(text, "speed");
                break;
            default:
                break;
        }
    }
}
