using System.Xml.Linq;
using Forma.Formats.Gpx;
using Forma.Formats.Tests.Fit;
using Forma.Formats.Tests.Writers;
using Forma.Formats.Tests.Xml;

namespace Forma.Formats.Tests.Gpx;

/// <summary>What GpxWriter writes, read back through GpxReader.</summary>
public class GpxWriterTests
{
    private const string Gpx = "http://www.topografix.com/GPX/1/1";
    private const string TrackPointV1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

    /// <summary>What GPX holds: positions, elevation and time in the core schema, the rest in the extensions.</summary>
    private static readonly string[] Written =
    [
        StreamNames.Time, StreamNames.Latitude, StreamNames.Longitude, StreamNames.Altitude,
        StreamNames.HeartRate, StreamNames.Cadence, StreamNames.Power, StreamNames.Temperature,
    ];

    [Theory]
    [InlineData("gpx/riderx3.gpx")]
    [InlineData("gpx/gpl-2.0/UrbanBiker2019-04-18_16-12.gpx")]
    [InlineData("gpx/gpl-2.0/Move_2014_01_17_09_33_11.gpx")]
    [InlineData("gpx/korita-zbevnica.gpx")]
    [InlineData("gpx/Mojstrovka.gpx")]
    public void GpxFixture_RoundTrips_ToWholeBeatsAndOtherwiseExactly(string relative)
    {
        var original = Read.GpxFixture(relative);

        var again = Read.Gpx(Write(original));

        ActivityAssert.StreamsEqual(original, again, Resolution, ActivityRows.Present(original, Written));
        Assert.Equal(original.Metadata with { Device = null }, again.Metadata with { Device = null });
        Assert.Equal(original.Metadata.Device?.Product, again.Metadata.Device?.Product); // the creator attribute
    }

    [Fact]
    public void FractionalHeartRate_IsWrittenAsAWholeBeat()
    {
        // Movescount writes heart rate with decimals (101.289987711843 at the second point); TrackPointExtension's hr is an unsignedByte.
        var original = Read.GpxFixture("gpx/gpl-2.0/Move_2014_01_17_09_33_11.gpx");

        var again = Read.Gpx(Write(original));

        Assert.Equal(101.289987711843, original.Streams[StreamNames.HeartRate]![1], 12);
        Assert.Equal(101, again.Streams[StreamNames.HeartRate]![1]);
    }

    [Fact]
    public void ComputedDistance_IsTheSameAfterTheRoundTrip()
    {
        // riderx3 records no distance; the reader measures it from the positions, which come back exactly.
        var original = Read.GpxFixture("gpx/riderx3.gpx");

        var again = Read.Gpx(Write(original));

        Assert.Equal(original.Streams[StreamNames.Distance]!, again.Streams[StreamNames.Distance]!);
    }

    [Theory]
    [InlineData("fit/Edge810-Vector-2013-08-16-15-35-10.fit")] // power, heart rate, cadence, temperature
    [InlineData("fit/coros-pace-2-cycling-misaligned-fields.fit")] // 967 records without a position
    public void FitFixture_AsGpx_KeepsEveryRowWithAPosition(string relative)
    {
        var fit = FitTestData.Decode(relative);

        var gpx = Read.Gpx(Write(fit));

        var positioned = ActivityRows.Where(fit, ActivityRows.HasPosition);
        ActivityAssert.StreamsEqual(positioned, gpx, Resolution, ActivityRows.Present(fit, Written));
        Assert.Equal(fit.Metadata.Sport, gpx.Metadata.Sport);
    }

    [Fact]
    public void Point_HasTrackPointExtensionV1AndPower_InSchemaOrder()
    {
        var activity = Activity(new()
        {
            [StreamNames.Time] = [0, 1.5],
            [StreamNames.Latitude] = [46.5, 46.50001],
            [StreamNames.Longitude] = [0.000001, 14.1],
            [StreamNames.HeartRate] = [142.4, double.NaN],
            [StreamNames.Cadence] = [88, double.NaN],
            [StreamNames.Temperature] = [21.5, double.NaN],
            [StreamNames.Power] = [250, double.NaN],
        });

        var document = XDocument.Parse(Write(activity));

        var points = document.Descendants(XName.Get("trkpt", Gpx)).ToList();
        Assert.Equal("1.1", document.Root!.Attribute("version")!.Value);
        Assert.Equal(["46.5", "0.000001"], [points[0].Attribute("lat")!.Value, points[0].Attribute("lon")!.Value]); // never 1E-06: lat and lon are xs:decimal
        Assert.Equal(["time", "extensions"], points[0].Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2024-05-01T06:30:01.5Z", points[1].Element(XName.Get("time", Gpx))!.Value);
        var extension = points[0].Descendants(XName.Get("TrackPointExtension", TrackPointV1)).Single();
        Assert.Equal(["atemp:21.5", "hr:142", "cad:88"], extension.Elements().Select(e => $"{e.Name.LocalName}:{e.Value}"));
        Assert.Equal("250", points[0].Descendants(XName.Get("power", Gpx)).Single().Value);
        Assert.Null(points[1].Element(XName.Get("extensions", Gpx)));
    }

    [Fact]
    public void RowsWithoutPosition_AreSkipped()
    {
        var activity = Activity(new()
        {
            [StreamNames.Time] = [0, 1, 2],
            [StreamNames.Latitude] = [46, double.NaN, 46.1],
            [StreamNames.Longitude] = [14, double.NaN, 14.1],
            [StreamNames.HeartRate] = [120, 121, 122],
        });

        var again = Read.Gpx(Write(activity));

        Assert.Equal([120, 122], again.Streams[StreamNames.HeartRate]!);
        Assert.Equal([0, 2], again.Streams[StreamNames.Time]!);
    }

    [Fact]
    public void NameWithControlCharacters_IsWrittenWithoutThem()
    {
        var activity = Activity(new() { [StreamNames.Latitude] = [46], [StreamNames.Longitude] = [14] });

        var again = Read.Gpx(Write(activity with { Metadata = activity.Metadata with { Name = "Morning\u0001 ride" } }));

        Assert.Equal("Morning ride", again.Metadata.Name);
    }

    /// <summary>Heart rate and cadence are whole numbers in TrackPointExtension v1; everything else is written to the last digit.</summary>
    private static double Resolution(string stream, double value) => stream is StreamNames.HeartRate or StreamNames.Cadence ? 0.5 : 0;

    private static ActivityFile Activity(Dictionary<string, double[]> streams) => new(
        new ActivityMetadata { Format = ActivityFormat.Fit, Sport = "cycling", StartTime = new DateTime(2024, 5, 1, 6, 30, 0, DateTimeKind.Utc) },
        [],
        [],
        new SampleStreams(streams.Values.First().Length, streams));

    private static string Write(ActivityFile activity)
    {
        using var output = new MemoryStream();
        GpxWriter.Write(activity, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
