using System.Xml;
using Forma.Formats.Fit;
using Forma.Formats.Tracks;
using Forma.Formats.Xml;

namespace Forma.Formats.Tcx;

/// <summary>
/// Writes an activity as Garmin Training Center XML v2 (the schema at
/// https://www8.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd): each session an &lt;Activity&gt; (see
/// <see cref="TcxLayout"/>), its laps with their summaries, and the samples as trackpoints, with speed, power
/// and running cadence in ActivityExtension v2. The schema fixes the order of every element, and the writer
/// follows it. TCX cannot date a sample without a start time, so an activity without one is refused.
/// </summary>
public static class TcxWriter
{
    internal const string Tcd = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
    internal const string Ax = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

    public static void Write(ActivityFile activity, Stream output)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(output);
        var start = activity.Metadata.StartTime
            ?? throw new ActivityFormatException("tcx-no-start-time", "TCX dates every sample, and this recording has no start time.");
        var columns = new TrackColumns(activity.Streams);
        using var xml = XmlOutput.Create(output);
        XmlOutput.StartRoot(xml, "TrainingCenterDatabase", Tcd, $"{Tcd} http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd", ("ns3", Ax));
        xml.WriteStartElement("Activities", Tcd);
        foreach (var plan in TcxLayout.Plan(activity, start))
        {
            var sport = Sport(plan.Session.Sport ?? activity.Metadata.Sport);
            xml.WriteStartElement("Activity", Tcd);
            xml.WriteAttributeString("Sport", sport);
            xml.WriteElementString("Id", Tcd, XmlOutput.Time(plan.Session.StartTime ?? start));
            var points = new TcxPoints(columns, start, sport == "Running");
            foreach (var lap in plan.Laps)
            {
                TcxLapWriter.Write(xml, lap, points);
            }

            WriteCreator(xml, activity.Metadata.Device);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>Sport_t has three values; TcxReader reads them back as running, cycling and generic.</summary>
    private static string Sport(string sport) => sport switch
    {
        "running" => "Running",
        "cycling" => "Biking",
        _ => "Other",
    };

    /// <summary>
    /// Device_t requires a name, unit id, product id and version; what the model lacks is written as 0. The
    /// product id is the FIT garmin_product number, which is what Garmin's own TCX files carry.
    /// </summary>
    private static void WriteCreator(XmlWriter xml, DeviceInfo? device)
    {
        if (device?.Product is not { Length: > 0 } product)
        {
            return;
        }

        var productId = FitProfileNumbers.Product(FitProfileNumbers.Manufacturer(device.Manufacturer), product) ?? 0;
        var version = (device.SoftwareVersion ?? "").Split('.');
        xml.WriteStartElement("Creator", Tcd);
        xml.WriteAttributeString("type", XmlOutput.Xsi, "Device_t");
        xml.WriteElementString("Name", Tcd, XmlOutput.Text(product));
        xml.WriteElementString("UnitId", Tcd, XmlOutput.Integer(device.SerialNumber ?? 0));
        xml.WriteElementString("ProductID", Tcd, XmlOutput.Integer(productId));
        xml.WriteStartElement("Version", Tcd);
        xml.WriteElementString("VersionMajor", Tcd, UnsignedShort(version[0]));
        xml.WriteElementString("VersionMinor", Tcd, UnsignedShort(version.Length > 1 ? version[1] : ""));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The text when it is an xs:unsignedShort as written ("05" included, which reads back as "05"), else 0.</summary>
    private static string UnsignedShort(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) <= ushort.MaxValue ? text : "0";
}
