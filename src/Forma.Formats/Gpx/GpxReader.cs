using Forma.Formats.Xml;

namespace Forma.Formats.Gpx;

/// <summary>
/// Reads GPX 1.0 and 1.1 tracks into an <see cref="ActivityFile"/>. All track segments of all tracks become
/// one stream set in time order. A file without track points is not a recording: a route (a planned path)
/// or waypoints alone are refused with <c>gpx-no-track</c> rather than imported as a timeless "activity".
/// </summary>
public static class GpxReader
{
    public static ActivityFile Read(Stream stream, GpxReadOptions? options = null)
    {
        options ??= new GpxReadOptions();
        var document = SafeXml.Parse(stream, options, new GpxParser(options).Parse);
        return GpxActivity.From(document);
    }
}
