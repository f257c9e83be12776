namespace Forma.Formats.Tests.Gpx;

/// <summary>Builds small GPX documents for the edge cases no fixture covers.</summary>
internal static class GpxDocuments
{
    public const string Namespaces =
        "xmlns=\"http://www.topografix.com/GPX/1/1\" " +
        "xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\" " +
        "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\" " +
        "xmlns:gpxpx=\"http://www.garmin.com/xmlschemas/PowerExtension/v1\" " +
        "xmlns:other=\"urn:example:not-garmin\"";

    public static string Track(string body, string type = "") =>
        $"<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"Test\" {Namespaces}><trk>{type}{body}</trk></gpx>";

    public static string Segment(params string[] points) => "<trkseg>" + string.Concat(points) + "</trkseg>";

    public static string Point(string time, string extensions = "", double lat = 46, double lon = 14) =>
        FormattableString.Invariant($"<trkpt lat=\"{lat}\" lon=\"{lon}\"><ele>300</ele><time>{time}</time><extensions>{extensions}</extensions></trkpt>");
}
