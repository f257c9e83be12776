using System.Xml;
using Forma.Formats.Tracks;
using Forma.Formats.Xml;

namespace Forma.Formats.Gpx;

/// <summary>
/// Writes an activity as GPX 1.1: one track, one segment, a point per sample that has a position (GPX has no
/// point without one). Heart rate, cadence and air temperature go in Garmin's TrackPointExtension v1, the
/// extension most readers know; power as a bare &lt;power&gt;, Strava's spelling, which <see cref="GpxReader"/>
/// and most tools read (GPX has no schema for it). Speed and distance are not written: readers derive them
/// from the positions and times.
/// </summary>
public static class GpxWriter
{
    private const string Gpx = "http://www.topografix.com/GPX/1/1";
    private const string Tpx = "gpxtpx";

    public static void Write(ActivityFile activity, Stream output)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(output);
        var metadata = activity.Metadata;
        using var xml = XmlOutput.Create(output);
        var schemas = $"{Gpx} http://www.topografix.com/GPX/1/1/gpx.xsd {GpxNamespaces.TrackPointV1} http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd";
        XmlOutput.StartRoot(xml, "gpx", Gpx, schemas, (Tpx, GpxNamespaces.TrackPointV1));
        xml.WriteAttributeString("version", "1.1");
        xml.WriteAttributeString("creator", XmlOutput.Text(metadata.Device?.Product ?? "Forma"));
        var name = metadata.Name is { } n ? XmlOutput.Text(n) : null;

        // Element order is the schema's: metadata (name, …, time), then trk (name, …, type, …, trkseg).
        xml.WriteStartElement("metadata", Gpx);
        XmlOutput.Element(xml, "name", Gpx, name);
        XmlOutput.Element(xml, "time", Gpx, metadata.StartTime is { } start ? XmlOutput.Time(start) : null);
        xml.WriteEndElement();
        xml.WriteStartElement("trk", Gpx);
        XmlOutput.Element(xml, "name", Gpx, name);
        xml.WriteElementString("type", Gpx, metadata.Sport);
        xml.WriteStartElement("trkseg", Gpx);
        WritePoints(xml, activity.Streams, metadata.StartTime);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WritePoints(XmlWriter xml, SampleStreams streams, DateTime? start)
    {
        var s = new TrackColumns(streams);
        for (var i = 0; i < streams.Count; i++)
        {
            if (!s.HasPosition(i))
            {
                continue;
            }

            xml.WriteStartElement("trkpt", Gpx);
            xml.WriteAttributeString("lat", XmlOutput.Decimal(s.Latitude[i]));
            xml.WriteAttributeString("lon", XmlOutput.Decimal(s.Longitude[i]));
            XmlOutput.Element(xml, "ele", Gpx, Present(s.Altitude[i], XmlOutput.Number));
            XmlOutput.Element(xml, "time", Gpx, start is { } origin && !double.IsNaN(s.Time[i]) ? XmlOutput.Time(XmlOutput.At(origin, s.Time[i])) : null);
            WriteExtensions(xml, s, i);
            xml.WriteEndElement();
        }
    }

    /// <summary>TrackPointExtension v1 lists atemp, (wtemp, depth,) hr, cad in that order; hr and cad are whole numbers there.</summary>
    private static void WriteExtensions(XmlWriter xml, TrackColumns s, int i)
    {
        var power = Present(s.Power[i], XmlOutput.Number);
        var temperature = Present(s.Temperature[i], XmlOutput.Number);
        var heartRate = s.HeartRate[i] is >= 0 and < 255.5 ? XmlOutput.Integer(s.HeartRate[i]) : null;
        var cadence = s.Cadence[i] is >= 0 and < 254.5 ? XmlOutput.Integer(s.Cadence[i]) : null;
        if (power is null && temperature is null && heartRate is null && cadence is null)
        {
            return;
        }

        xml.WriteStartElement("extensions", Gpx);
        XmlOutput.Element(xml, "power", Gpx, power);
        if (temperature is not null || heartRate is not null || cadence is not null)
        {
            xml.WriteStartElement(Tpx, "TrackPointExtension", GpxNamespaces.TrackPointV1);
            XmlOutput.Element(xml, "atemp", GpxNamespaces.TrackPointV1, temperature);
            XmlOutput.Element(xml, "hr", GpxNamespaces.TrackPointV1, heartRate);
            XmlOutput.Element(xml, "cad", GpxNamespaces.TrackPointV1, cadence);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string? Present(double value, Func<double, string> format) => double.IsNaN(value) ? null : format(value);
}
