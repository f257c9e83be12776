using System.Xml;
using Forma.Formats.Tracks;
using Forma.Formats.Xml;

namespace Forma.Formats.Tcx;

/// <summary>Writes samples as Trackpoints, in Trackpoint_t's order: Time, Position, AltitudeMeters, DistanceMeters, HeartRateBpm, Cadence, Extensions.</summary>
internal sealed class TcxPoints(TrackColumns columns, DateTime start, bool running)
{
    public TrackColumns Columns => columns;

    public DateTime Start => start;

    /// <summary>Running cadence goes in the extension (RunCadence, AvgRunCadence); any other in the schema's Cadence.</summary>
    public bool Running => running;

    public void Write(XmlWriter xml, int row)
    {
        var c = columns;
        xml.WriteStartElement("Trackpoint", TcxWriter.Tcd);
        xml.WriteElementString("Time", TcxWriter.Tcd, XmlOutput.Time(XmlOutput.At(start, c.Time[row])));
        if (c.HasPosition(row))
        {
            xml.WriteStartElement("Position", TcxWriter.Tcd);
            xml.WriteElementString("LatitudeDegrees", TcxWriter.Tcd, XmlOutput.Number(c.Latitude[row]));

            // DegreesLongitude_t is [-180, 180): the same meridian as 180.
            xml.WriteElementString("LongitudeDegrees", TcxWriter.Tcd, XmlOutput.Number(c.Longitude[row] >= 180 ? c.Longitude[row] - 360 : c.Longitude[row]));
            xml.WriteEndElement();
        }

        XmlOutput.Element(xml, "AltitudeMeters", TcxWriter.Tcd, Number(c.Altitude[row]));
        XmlOutput.Element(xml, "DistanceMeters", TcxWriter.Tcd, Number(c.Distance[row]));
        HeartRate(xml, "HeartRateBpm", c.HeartRate[row]);
        var cadence = Cadence(c.Cadence[row]);
        XmlOutput.Element(xml, "Cadence", TcxWriter.Tcd, running ? null : cadence);
        var speed = Number(c.Speed[row]);
        var watts = UnsignedShort(c.Power[row]);
        var runCadence = running ? cadence : null;
        if (speed is not null || watts is not null || runCadence is not null)
        {
            xml.WriteStartElement("Extensions", TcxWriter.Tcd);
            xml.WriteStartElement("ns3", "TPX", TcxWriter.Ax);
            XmlOutput.Element(xml, "Speed", TcxWriter.Ax, speed);
            XmlOutput.Element(xml, "RunCadence", TcxWriter.Ax, runCadence);
            XmlOutput.Element(xml, "Watts", TcxWriter.Ax, watts);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>HeartRateInBeatsPerMinute_t: a Value from 1 to 255 (0 bpm is a sensor with no reading, and not allowed).</summary>
    public static void HeartRate(XmlWriter xml, string element, double? bpm)
    {
        if (bpm is >= 0.5 and < 255.5)
        {
            xml.WriteStartElement(element, TcxWriter.Tcd);
            xml.WriteElementString("Value", TcxWriter.Tcd, XmlOutput.Integer(bpm.Value));
            xml.WriteEndElement();
        }
    }

    /// <summary>CadenceValue_t: a whole number from 0 to 254.</summary>
    public static string? Cadence(double? rpm) => rpm is >= 0 and < 254.5 ? XmlOutput.Integer(rpm.Value) : null;

    public static string? UnsignedShort(double? value) => value is >= 0 and < 65535.5 ? XmlOutput.Integer(value.Value) : null;

    public static string? Number(double? value) => value is { } v && !double.IsNaN(v) ? XmlOutput.Number(v) : null;
}
