using Forma.Formats.Tests.Xml;

namespace Forma.Formats.Tests.Tcx;

/// <summary>Decoded values against the facts SOURCES.md publishes for each TCX fixture (and the laps' own totals).</summary>
public class TcxFixtureTests
{
    [Fact]
    public void Read_Forerunner410_HasThreeLapsAndHeartRate()
    {
        var file = Read.TcxFixture("tcx/test.tcx");

        Assert.Equal(ActivityFormat.Tcx, file.Metadata.Format);
        Assert.Equal("running", file.Metadata.Sport);
        Assert.Equal(At(2012, 12, 26, 21, 29, 53), file.Metadata.StartTime);
        Assert.Equal("Forerunner 410 Software Version 2.20", file.Metadata.Device?.Product);
        Assert.Equal(384, file.Streams.Count);
        Assert.Equal(383, file.Streams.Present(StreamNames.HeartRate).Length);
        Assert.Equal(383, file.Streams.Present(StreamNames.Latitude).Length);
        Assert.Equal(62, file.Streams[StreamNames.HeartRate]![0]);
        Assert.Equal((33 * 60) + 12, file.Streams[StreamNames.Time]![^1]); // 21:29:53 to 22:03:05
        Assert.Equal(3, file.Laps.Count);
        Assert.Equal([608.47, 714.80, 669.51], file.Laps.Select(l => l.TimerTime!.Value));
        Assert.Equal([139, 172, 167], file.Laps.Select(l => l.AverageHeartRate!.Value));
        Assert.Equal([189, 188, 180], file.Laps.Select(l => l.MaxHeartRate!.Value));
        Assert.Equal(At(2012, 12, 26, 21, 40, 2), file.Laps[1].StartTime);

        var session = Assert.Single(file.Sessions);
        Assert.Equal(94 + 151 + 134, session.Calories);
        Assert.Equal(1609.34399414 + 1609.34399414 + 1470.5546875, session.Distance!.Value, 6);
        Assert.Equal(189, session.MaxHeartRate);
        Assert.Equal(4.55431461334, session.MaxSpeed);
    }

    [Fact]
    public void Read_NoHr_HasNoHeartRateStreamOrLapHeartRate()
    {
        var file = Read.TcxFixture("tcx/no_hr.tcx");

        Assert.Equal(384, file.Streams.Count);
        Assert.False(file.Streams.Has(StreamNames.HeartRate));
        Assert.All(file.Laps, lap => Assert.Null(lap.AverageHeartRate));
        Assert.Null(file.Sessions[0].AverageHeartRate);
    }

    [Fact]
    public void Read_MapMyRide_ReadsOffsetTimesAndCalories()
    {
        var file = Read.TcxFixture("tcx/mapmyride_biking.tcx");

        Assert.Equal("cycling", file.Metadata.Sport);
        Assert.Null(file.Metadata.Device);
        Assert.Equal(At(2022, 11, 12, 15, 58, 25), file.Metadata.StartTime); // "+00:00" offset
        Assert.Equal(3112, file.Streams.Count);
        Assert.Equal(3105, file.Streams.Present(StreamNames.Latitude).Length);
        Assert.Equal(0.8498, file.Streams[StreamNames.Time]![0], 6);
        Assert.Equal(15350.4296, file.Streams[StreamNames.Distance]![^1]);
        Assert.Equal(458, Assert.Single(file.Laps).Calories!.Value, 6); // upstream test: calories 458
    }

    [Fact]
    public void Read_Edge1000_ReadsPowerCadenceAndLapExtension()
    {
        var file = Read.TcxFixture("tcx/11.tcx");
        var streams = file.Streams;

        Assert.Equal("cycling", file.Metadata.Sport);
        Assert.Equal("Garmin Edge 1000", file.Metadata.Device?.Product);
        Assert.Equal(4792, streams.Count);
        Assert.Equal(4783, streams.Present(StreamNames.HeartRate).Length);
        Assert.Equal(4792, streams.Present(StreamNames.Power).Length);
        Assert.Equal(4786, streams.Present(StreamNames.Cadence).Length); // SOURCES.md's 4787 also counts the lap's <Cadence>
        Assert.Equal(4792, streams.Present(StreamNames.Latitude).Length);
        Assert.Equal([86, 64, 66, 3.8540000915527344], [streams[StreamNames.Power]![0], streams[StreamNames.Cadence]![0], streams[StreamNames.HeartRate]![0], streams[StreamNames.Speed]![0]]);
        Assert.Equal(27372.009765625, streams[StreamNames.Distance]![^1]);

        var lap = Assert.Single(file.Laps);
        Assert.Equal(4790.0, lap.TimerTime);
        Assert.Equal(27372.01, lap.Distance);
        Assert.Equal(17.298999786376953, lap.MaxSpeed);
        Assert.Equal(1031, lap.Calories);
        Assert.Equal(127, lap.AverageHeartRate);
        Assert.Equal(178, lap.MaxHeartRate);
        Assert.Equal(113, lap.AverageCadence);
        Assert.Equal(5.7129998207092285, lap.AverageSpeed);
        Assert.Equal(259, lap.AveragePower);
        Assert.Equal(875, lap.MaxPower);
        Assert.Equal(259, file.Sessions[0].AveragePower);
    }

    [Fact]
    public void Read_Forerunner910XT_HasFifteenLaps()
    {
        var file = Read.TcxFixture("tcx/cc-by-sa-4.0/running_activity_1.tcx");

        Assert.Equal(At(2014, 12, 26, 10, 0, 39), file.Metadata.StartTime);
        Assert.Equal("Garmin Forerunner 910XT", file.Metadata.Device?.Product);
        Assert.Equal(1254, file.Streams.Count);
        Assert.Equal(1254, file.Streams.Present(StreamNames.HeartRate).Length);
        Assert.Equal(15, file.Laps.Count);
        Assert.Equal(4.96999979019165, file.Laps[0].AverageSpeed);
        Assert.Equal(At(2014, 12, 26, 10, 53, 59), file.Laps[^1].StartTime);
        Assert.Equal(332.28, file.Laps[^1].Distance);
        Assert.Equal(14332.2802734375, file.Streams[StreamNames.Distance]![^1]);
        Assert.Equal((54 * 60) + 30, file.Streams[StreamNames.Time]![^1]); // 10:00:39 to 10:55:09
    }

    [Fact]
    public void Read_PoolSwim_IsGenericWithoutPositions()
    {
        var file = Read.TcxFixture("tcx/cc-by-sa-4.0/pool_swim-activity_1.tcx");

        Assert.Equal("generic", file.Metadata.Sport); // Sport="Other"
        Assert.Equal("vívoactive HR", file.Metadata.Device?.Product);
        Assert.Equal(32, file.Streams.Count);
        Assert.False(file.Streams.Has(StreamNames.Latitude));
        Assert.False(file.Streams.Has(StreamNames.HeartRate));
        Assert.Equal(1500, file.Streams[StreamNames.Distance]![^1]);
        Assert.Equal(1530.668, Assert.Single(file.Laps).TimerTime);
    }

    [Fact]
    public void Read_Edge705_ReadsSmartRecordingWithPower()
    {
        var file = Read.TcxFixture("tcx/gpl-2.0/2009_09_19_09_22_42.tcx");

        Assert.Equal("EDGE705", file.Metadata.Device?.Product);
        Assert.Equal(1863, file.Streams.Count);
        Assert.Equal(1863, file.Streams.Present(StreamNames.HeartRate).Length);
        Assert.Equal(1838, file.Streams.Present(StreamNames.Power).Length);
        Assert.Equal(1854, file.Streams.Present(StreamNames.Cadence).Length); // SOURCES.md's 1855 also counts the lap's <Cadence>
        Assert.Equal(1, file.Streams[StreamNames.Time]![0]); // first point 13:22:43, lap starts 13:22:42
        Assert.Equal([140, 101, 32], [file.Streams[StreamNames.Power]![0], file.Streams[StreamNames.HeartRate]![0], file.Streams[StreamNames.Cadence]![0]]);
        Assert.Equal(243, file.Laps[0].AveragePower);
        Assert.Equal(8686.76, file.Sessions[0].TimerTime);
    }

    [Fact]
    public void Read_MultiSportSession_GivesOneSessionPerActivity()
    {
        var file = Read.TcxFixture("tcx/gpl-2.0/activity_165850259_multi-session.tcx");

        Assert.Equal("multisport", file.Metadata.Sport);
        Assert.Equal(new DeviceInfo(null, "Forerunner305 (Unit ID 3815748186)", 3815748186, "2.90"), file.Metadata.Device);
        Assert.Equal(At(2011, 11, 29, 12, 12, 0), file.Metadata.StartTime);
        Assert.Equal(["running", "cycling", "running", "cycling"], file.Sessions.Select(s => s.Sport!));
        Assert.Equal([558, 0, 702, 0], file.Sessions.Select(s => s.Calories!.Value));
        Assert.Equal(At(2011, 12, 4, 15, 26, 28), file.Sessions[2].StartTime);
        Assert.Equal(4, file.Laps.Count);
        Assert.Equal(1893, file.Streams.Count);
        Assert.Equal(1887, file.Streams.Present(StreamNames.HeartRate).Length);
        Assert.Equal(1325, file.Streams.Present(StreamNames.Latitude).Length);

        // Each activity restarts DistanceMeters at zero; the stream continues from the largest distance so far
        // (the first run peaks at 7655.2480469, the second run ends at 9405.0283203, the rides have none).
        var distance = file.Streams.Present(StreamNames.Distance);
        Assert.Equal(7655.2480469 + 9405.0283203, distance[^1], 6);
    }

    private static DateTime At(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
