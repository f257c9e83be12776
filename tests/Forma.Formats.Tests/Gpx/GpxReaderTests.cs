using Forma.Formats.Tests.Xml;
using static Forma.Formats.Tests.Gpx.GpxDocuments;

namespace Forma.Formats.Tests.Gpx;

public class GpxReaderTests
{
    [Fact]
    public void Read_SegmentsOutOfOrder_AreConcatenatedInTimeOrder()
    {
        var xml = Track(Segment(Point("2020-01-01T10:00:10Z"), Point("2020-01-01T10:00:11Z"))
            + Segment(Point("2020-01-01T10:00:00Z"), Point("2020-01-01T10:00:01Z")));

        var file = Read.Gpx(xml);

        Assert.Equal(new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc), file.Metadata.StartTime);
        Assert.Equal([0, 1, 10, 11], file.Streams[StreamNames.Time]!);
    }

    [Fact]
    public void Read_ExtensionsUnderAnyPrefix_AreMatchedByNamespace()
    {
        var xml = Track(Segment(
            Point("2020-01-01T10:00:00Z", "<ns3:TrackPointExtension><ns3:hr>120</ns3:hr><ns3:cad>80</ns3:cad><ns3:atemp>21.5</ns3:atemp></ns3:TrackPointExtension><gpxpx:PowerInWatts>250</gpxpx:PowerInWatts>"),
            Point("2020-01-01T10:00:01Z", "<gpxtpx:TrackPointExtension><gpxtpx:hr>121</gpxtpx:hr></gpxtpx:TrackPointExtension><power>260</power>"),
            Point("2020-01-01T10:00:02Z", "<other:hr>999</other:hr>")));

        var streams = Read.Gpx(xml).Streams;

        Assert.Equal([120, 121, double.NaN], streams[StreamNames.HeartRate]!);
        Assert.Equal([80, double.NaN, double.NaN], streams[StreamNames.Cadence]!);
        Assert.Equal([21.5, double.NaN, double.NaN], streams[StreamNames.Temperature]!);
        Assert.Equal([250, 260, double.NaN], streams[StreamNames.Power]!);
    }

    [Theory]
    [InlineData("<type>running</type>", "running")]
    [InlineData("<type>Biking</type>", "cycling")]
    [InlineData("<type>9</type>", "running")]
    [InlineData("<type>1</type>", "cycling")]
    [InlineData("<type>10</type>", "walking")]
    [InlineData("<type>4</type>", "hiking")]
    [InlineData("<type>kitesurfing</type>", "generic")]
    [InlineData("", "generic")]
    public void Read_TrackType_MapsToSport(string type, string sport) =>
        Assert.Equal(sport, Read.Gpx(Track(Segment(Point("2020-01-01T10:00:00Z")), type)).Metadata.Sport);

    [Theory]
    [InlineData("2020-01-01T12:00:00+02:00", "2020-01-01T10:00:00")]
    [InlineData("2020-01-01T10:00:00.5Z", "2020-01-01T10:00:00.5")]
    [InlineData("2020-01-01T10:00:00", "2020-01-01T10:00:00")]
    [InlineData("2020-01-01T05:30:00-0430", "2020-01-01T10:00:00")]
    public void Read_StartTime_IsTheFirstTimestampInUtc(string written, string utc)
    {
        var file = Read.Gpx(Track(Segment(Point(written))));

        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), file.Metadata.StartTime!.Value);
        Assert.Equal(DateTimeKind.Utc, file.Metadata.StartTime.Value.Kind);
    }

    [Fact]
    public void Read_DistanceWhenAbsent_IsCumulativeHaversineWithoutCrossingSegmentGaps()
    {
        // 0.01° of latitude on a sphere of radius 6371008.8 m is 1111.95 m.
        var xml = Track(Segment(Point("2020-01-01T10:00:00Z", lat: 0, lon: 0), Point("2020-01-01T10:00:01Z", lat: 0.01, lon: 0))
            + Segment(Point("2020-01-01T10:00:02Z", lat: 1, lon: 0), Point("2020-01-01T10:00:03Z", lat: 1.01, lon: 0)));

        var distance = Read.Gpx(xml).Streams[StreamNames.Distance]!;

        Assert.Equal(0, distance[0]);
        Assert.Equal(1111.95, distance[1], 2);
        Assert.Equal(distance[1], distance[2]);
        Assert.Equal(2 * 1111.95, distance[3], 1);
    }

    [Fact]
    public void Read_NameFromMetadata_WhenTheTrackHasNone()
    {
        var xml = $"<gpx version=\"1.1\" {Namespaces}><metadata><name>Morning</name></metadata><trk>{Segment(Point("2020-01-01T10:00:00Z"))}</trk></gpx>";

        Assert.Equal("Morning", Read.Gpx(xml).Metadata.Name);
    }

    [Theory]
    [InlineData("<ele>1e999</ele>")]
    [InlineData("<ele>NaN</ele>")]
    [InlineData("<ele>12,5</ele>")]
    [InlineData("<extensions><power>-Infinity</power></extensions>")]
    public void Read_InvalidNumber_IsRefused(string child)
    {
        var xml = Track($"<trkseg><trkpt lat=\"1\" lon=\"2\">{child}</trkpt></trkseg>");

        Assert.Equal("xml-invalid-number", Assert.Throws<ActivityFormatException>(() => Read.Gpx(xml)).Code);
    }

    [Fact]
    public void Read_HugeTextNode_IsRefusedWithoutBeingReadAsAPrefix()
    {
        var xml = Track($"<trkseg><trkpt lat=\"1\" lon=\"2\"><ele>{new string('0', 5_000_000)}1</ele></trkpt></trkseg>");

        Assert.Equal("xml-invalid-number", Assert.Throws<ActivityFormatException>(() => Read.Gpx(xml)).Code);
    }

    [Fact]
    public void Read_EmptyElevation_IsAMissingValue() =>
        Assert.False(Read.Gpx(Track("<trkseg><trkpt lat=\"1\" lon=\"2\"><ele></ele></trkpt></trkseg>")).Streams.Has(StreamNames.Altitude));

    [Theory]
    [InlineData("lat=\"91\" lon=\"0\"")]
    [InlineData("lat=\"0\" lon=\"-180.5\"")]
    public void Read_CoordinateOutOfRange_IsRefused(string attributes) =>
        Assert.Equal("xml-value-out-of-range", Assert.Throws<ActivityFormatException>(() => Read.Gpx(Track($"<trkseg><trkpt {attributes}/></trkseg>"))).Code);

    [Theory]
    [InlineData("2021-02-30T00:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("2021-03-23T25:00:00Z")]
    [InlineData("23/03/2021 10:00")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public void Read_InvalidDate_IsRefused(string time) =>
        Assert.Equal("xml-invalid-date", Assert.Throws<ActivityFormatException>(() => Read.Gpx(Track(Segment(Point(time))))).Code);

    [Fact]
    public void Read_WrongRoot_IsRefused() =>
        Assert.Equal("xml-unexpected-root", Assert.Throws<ActivityFormatException>(() => Read.Gpx("<kml><trk/></kml>")).Code);

    [Fact]
    public void Read_EmptyTrack_IsRefused() =>
        Assert.Equal("gpx-no-track", Assert.Throws<ActivityFormatException>(() => Read.Gpx(Track(Segment()))).Code);
}
