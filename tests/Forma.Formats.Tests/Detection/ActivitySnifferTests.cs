using System.Text;
using Forma.Formats.Detection;

namespace Forma.Formats.Tests.Detection;

public class ActivitySnifferTests
{
    [Theory]
    [InlineData("fit/garmin-fenix-5-run.fit", DetectedFormat.Fit)]
    [InlineData("compressed/gpl-2.0/14582164182.fit.gz", DetectedFormat.Gzip)]
    [InlineData("compressed/gpl-2.0/GarminFR955v18.zip", DetectedFormat.Zip)]
    [InlineData("gpx/korita-zbevnica.gpx", DetectedFormat.Gpx)]
    [InlineData("gpx/gpl-2.0/UrbanBiker2019-04-18_16-12.gpx", DetectedFormat.Gpx)]
    [InlineData("tcx/test.tcx", DetectedFormat.Tcx)]
    [InlineData("tcx/11.tcx", DetectedFormat.Tcx)]
    [InlineData("apple_health/apple_health_export/export.xml", DetectedFormat.AppleHealth)]
    [InlineData("SOURCES.md", DetectedFormat.Unknown)]
    public void Detect_Fixture_ByItsFirstBytes(string relative, DetectedFormat expected)
    {
        var bytes = Fixtures.Bytes(relative);

        Assert.Equal(expected, ActivitySniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, ActivitySniffer.HeadLength))));
    }

    [Theory]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>\n<!-- exported <gpx> -->\n<?pi x?>\n  <gpx version=\"1.1\">", DetectedFormat.Gpx)]
    [InlineData("<!DOCTYPE HealthData [\n<!ELEMENT HealthData (Record)*>\n<!ATTLIST HealthData locale CDATA #REQUIRED>\n]>\n<HealthData locale=\"en\">", DetectedFormat.AppleHealth)]
    [InlineData("<tcd:TrainingCenterDatabase xmlns:tcd=\"x\">", DetectedFormat.Tcx)]
    [InlineData("<gpx/>", DetectedFormat.Gpx)]
    [InlineData("<kml>", DetectedFormat.Unknown)]
    [InlineData("<!-- a comment cut sho", DetectedFormat.Unknown)]
    [InlineData("<gp", DetectedFormat.Unknown)]
    [InlineData("gpx", DetectedFormat.Unknown)]
    [InlineData("", DetectedFormat.Unknown)]
    public void Detect_Xml_ByTheRootElement(string head, DetectedFormat expected) =>
        Assert.Equal(expected, ActivitySniffer.Detect(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Detect_Utf16Xml_ByTheRootElement()
    {
        Assert.Equal(DetectedFormat.Tcx, ActivitySniffer.Detect(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><TrainingCenterDatabase>")).ToArray()));
        Assert.Equal(DetectedFormat.Gpx, ActivitySniffer.Detect(Encoding.BigEndianUnicode.GetBytes("<gpx>")));
    }

    [Fact]
    public void Detect_FitHeader_NeedsSizeAndSignature()
    {
        byte[] header = [14, 0x10, 0, 0, 0, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0];

        Assert.Equal(DetectedFormat.Fit, ActivitySniffer.Detect(header));
        Assert.Equal(DetectedFormat.Fit, ActivitySniffer.Detect(header.AsSpan(0, 12).ToArray().Select((b, i) => i == 0 ? (byte)12 : b).ToArray()));
        Assert.Equal(DetectedFormat.Unknown, ActivitySniffer.Detect(header.Select((b, i) => i == 0 ? (byte)13 : b).ToArray()));
        Assert.Equal(DetectedFormat.Unknown, ActivitySniffer.Detect(header.AsSpan(0, 11)));
    }
}
