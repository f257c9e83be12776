using Forma.Formats.Tests.Xml;

namespace Forma.Formats.Tests.Gpx;

/// <summary>Decoded values against the facts SOURCES.md publishes for each GPX fixture (and the points' own text).</summary>
public class GpxFixtureTests
{
    [Fact]
    public void Read_RiderX3_HasGarminConnectHeartRateOnEveryPoint()
    {
        var file = Read.GpxFixture("gpx/riderx3.gpx");

        Assert.Equal(931, file.Streams.Count);
        Assert.Equal(ActivityFormat.Gpx, file.Metadata.Format);
        Assert.Equal("cycling", file.Metadata.Sport);
        Assert.Equal("Garmin Connect", file.Metadata.Device?.Product);
        Assert.Equal(At("2016-04-02T17:26:09Z"), file.Metadata.StartTime);
        Assert.Equal(DateTimeKind.Utc, file.Metadata.StartTime!.Value.Kind);
        Assert.Equal(931, file.Streams.Present(StreamNames.HeartRate).Length);
        Assert.Equal(107, file.Streams[StreamNames.HeartRate]![0]);
        Assert.Equal(86, file.Streams[StreamNames.HeartRate]![^1]);
        Assert.Equal(46.07987117953598, file.Streams[StreamNames.Latitude]![0], 12);
        Assert.Equal(230.600006103515625, file.Streams[StreamNames.Altitude]![0], 9);
        Assert.Equal((41 * 60) + 9, file.Streams[StreamNames.Time]![^1]); // 17:26:09 to 18:07:18
        Assert.Empty(file.Sessions);
        Assert.Empty(file.Laps);
    }

    [Fact]
    public void Read_Broken5_IsAValidStravaRideWithUtf8Name()
    {
        // SOURCES.md: despite its name, broken5.gpx is a well-formed StravaGPX export used to test UTF-8 handling.
        var file = Read.GpxFixture("gpx/broken5.gpx");

        Assert.Equal(2372, file.Streams.Count);
        Assert.Equal("Lokalni hribčki", file.Metadata.Name);
        Assert.Equal("cycling", file.Metadata.Sport); // <type>1</type>: Strava's ride
        Assert.Equal("StravaGPX", file.Metadata.Device?.Product);
        Assert.Equal(At("2021-03-23T13:01:57Z"), file.Metadata.StartTime);
        Assert.Equal((2 * 3600) + (12 * 60) + 4, file.Streams[StreamNames.Time]![^1]);
        Assert.Equal(66, file.Streams[StreamNames.HeartRate]![0]);
        Assert.Equal(151, file.Streams[StreamNames.HeartRate]![^1]);
    }

    [Fact]
    public void Read_UrbanBiker_JoinsSegmentsAndReadsEveryExtension()
    {
        var file = Read.GpxFixture("gpx/gpl-2.0/UrbanBiker2019-04-18_16-12.gpx");
        var streams = file.Streams;

        Assert.Equal(2870, streams.Count);
        Assert.Equal("Urban Biker - with barometer", file.Metadata.Device?.Product);
        Assert.Equal("Rose X-Lite CRS Force – Do., 18. Apr. 2019, 16:12", file.Metadata.Name);
        Assert.Equal(At("2019-04-18T14:12:19Z"), file.Metadata.StartTime);
        Assert.Equal(3850.928, streams[StreamNames.Time]![^1], 3); // 15:16:29.928
        Assert.Equal([125, 7, 26.9], [streams[StreamNames.HeartRate]![0], streams[StreamNames.Cadence]![0], streams[StreamNames.Temperature]![0]]);
        Assert.Equal([151, 24, 34.2, 3.90], [streams[StreamNames.HeartRate]![^1], streams[StreamNames.Cadence]![^1], streams[StreamNames.Temperature]![^1], streams[StreamNames.Speed]![^1]]);
        Assert.Equal(2847, streams.Present(StreamNames.Power).Length); // one gpxpx:PowerInWatts per point that has one
        Assert.Equal(92, streams[StreamNames.Power]!.First(v => !double.IsNaN(v)));
    }

    [Fact]
    public void Read_Movescount_ReadsClueTrustHeartRateTemperatureAndDistance()
    {
        var file = Read.GpxFixture("gpx/gpl-2.0/Move_2014_01_17_09_33_11.gpx");

        Assert.Equal(1405, file.Streams.Count);
        Assert.Equal("Move", file.Metadata.Name);

        // The first point's own <time>; SOURCES.md's inventory span starts at the second point (08:33:15.210).
        Assert.Equal(At("2014-01-17T08:33:11.150Z"), file.Metadata.StartTime);
        Assert.Equal(At("2014-01-17T09:48:21.080Z"), file.Metadata.StartTime!.Value.AddSeconds(file.Streams[StreamNames.Time]![^1]));
        Assert.Equal([92, 150], [file.Streams[StreamNames.HeartRate]![0], file.Streams[StreamNames.HeartRate]![^1]]);
        Assert.Equal(20.7000007629395, file.Streams[StreamNames.Temperature]![0], 10);
        Assert.Equal([12, 15552], [file.Streams[StreamNames.Distance]![0], file.Streams[StreamNames.Distance]![^1]]);
    }

    [Fact]
    public void Read_KoritaZbevnica_KeepsUntimedPointsAndOrdersTracks()
    {
        var file = Read.GpxFixture("gpx/korita-zbevnica.gpx");
        var time = file.Streams[StreamNames.Time]!;

        Assert.Equal(871, file.Streams.Count);
        Assert.Equal(513, time.Count(t => !double.IsNaN(t))); // SOURCES.md's "514 times" includes the header's <gpx><time>
        Assert.Equal("GPSBabel - http://www.gpsbabel.org", file.Metadata.Device?.Product);
        Assert.Equal("generic", file.Metadata.Sport); // <type>jkljkl</type>
        Assert.Equal(At("2010-10-03T09:36:30Z"), file.Metadata.StartTime);
        Assert.Equal((3 * 3600) + (43 * 60) + 1, time[^1]); // 13:19:31
        Assert.Equal(733.623291, file.Streams[StreamNames.Altitude]![0]);
        Assert.Equal(45.452453708, file.Streams[StreamNames.Latitude]![^1]);
        Assert.Contains("2 waypoints were not imported; only the recorded track is.", file.Warnings);
    }

    [Fact]
    public void Read_CerknickoJezero_ConcatenatesEightSegmentsAndComputesDistance()
    {
        var file = Read.GpxFixture("gpx/cerknicko-jezero.gpx");
        var distance = file.Streams[StreamNames.Distance]!;

        Assert.Equal(296, file.Streams.Count);
        Assert.Equal(At("2010-08-05T14:23:59Z"), file.Metadata.StartTime);
        Assert.Equal((2 * 3600) - 10, file.Streams[StreamNames.Time]![^1]); // 16:23:49
        Assert.Equal(0, distance[0]);
        Assert.All(distance.Zip(distance.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Contains("7 waypoints were not imported; only the recorded track is.", file.Warnings);
    }

    [Fact]
    public void Read_Mojstrovka_ReadsSevenFractionalDigitsIn1901()
    {
        var file = Read.GpxFixture("gpx/Mojstrovka.gpx");

        Assert.Equal(184, file.Streams.Count);
        Assert.Equal(new DateTime(1901, 12, 13, 20, 45, 52, DateTimeKind.Utc).AddTicks(2073437), file.Metadata.StartTime);
        Assert.Equal(1614.678, file.Streams[StreamNames.Altitude]![0]); // gpxpy's test: first point elevation
        Assert.Equal(-0.0003437, file.Streams[StreamNames.Time]![1], 7); // the second point says .207Z
    }

    [Fact]
    public void Read_AppleHealthRoute_ReadsUnprefixedSpeed()
    {
        var file = Read.GpxFixture("apple_health/apple_health_export/workout-routes/route_2019-06-11_3.00pm.gpx");

        Assert.Equal(3, file.Streams.Count);
        Assert.Equal("Route 2019-06-11 3:00pm", file.Metadata.Name);
        Assert.Equal([0.180883, 0.116181, 0.054395], file.Streams[StreamNames.Speed]!);
        Assert.Equal([0, 0, 1], file.Streams[StreamNames.Time]!);
    }

    [Fact]
    public void Read_RouteOnly_IsRefusedAsNotARecording()
    {
        // SOURCES.md: route.gpx (55 rtept, no track, no time) "should not import as an activity".
        var error = Assert.Throws<ActivityFormatException>(() => Read.GpxFixture("gpx/route.gpx"));

        Assert.Equal("gpx-no-track", error.Code);
        Assert.Contains("55 route points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WaypointOnly_HasNoActivitySamples()
    {
        var error = Assert.Throws<ActivityFormatException>(() => Read.GpxFixture("gpx/gpx_with_garmin_extension.gpx"));

        Assert.Equal("gpx-no-track", error.Code);
        Assert.Contains("1 waypoints", error.Message, StringComparison.Ordinal);
    }

    private static DateTime At(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
