namespace Forma.Formats.Tests.Fit;

/// <summary>Per-record and session values against tormoder/fit golden dumps (raw values; scales from the FIT profile).</summary>
public class FitDecoderGoldenTests
{
    [Theory]
    [InlineData("fit/antfs-dump.63.fit", 686)]
    [InlineData("fit/Edge810-Vector-2013-08-16-15-35-10.fit", 4700)]
    [InlineData("fit/sample-activity-indoor-trainer.fit", 2263)]
    [InlineData("fit/2013-02-06-12-11-14.fit", 590)]
    [InlineData("fit/2015-10-13-08-43-15.fit", 221)]
    public void Records_MatchGoldenDump(string name, int count)
    {
        var activity = FitTestData.Decode(name);
        var golden = GoDumpRecords.Read(Fixtures.Path(name + ".golden.gz"));

        Assert.Equal(count, golden.Records.Count);
        Assert.Equal(count, activity.Streams.Count);
        var firstRaw = golden.Records[0]["ext"] - FitTestData.GoExtToFit;
        var times = FitTestData.RawTimes(activity, relativeOrigin: firstRaw);
        var hr = FitTestData.Column(activity, StreamNames.HeartRate);
        var cadence = FitTestData.Column(activity, StreamNames.Cadence);
        var power = FitTestData.Column(activity, StreamNames.Power);
        var altitude = FitTestData.Column(activity, StreamNames.Altitude);
        var distance = FitTestData.Column(activity, StreamNames.Distance);
        for (var i = 0; i < count; i++)
        {
            var g = golden.Records[i];
            Assert.Equal(g["ext"] - FitTestData.GoExtToFit, times[i]);
            FitTestData.Near(Raw(g, "HeartRate", 0xFF), hr[i], 0, $"hr[{i}]");
            FitTestData.Near(Raw(g, "Cadence", 0xFF), cadence[i], 0, $"cadence[{i}]");
            FitTestData.Near(Raw(g, "Power", 0xFFFF), power[i], 0, $"power[{i}]");
            FitTestData.Near(Raw(g, "EnhancedAltitude", 0xFFFFFFFF) / 5 - 500, altitude[i], 1e-9, $"altitude[{i}]");
            FitTestData.Near(Raw(g, "Distance", 0xFFFFFFFF) / 100, distance[i], 1e-9, $"distance[{i}]");
        }
    }

    [Theory]
    [InlineData("fit/Edge810-Vector-2013-08-16-15-35-10.fit")]
    [InlineData("fit/sample-activity-indoor-trainer.fit")]
    [InlineData("fit/2013-02-06-12-11-14.fit")]
    [InlineData("fit/antfs-dump.63.fit")]
    public void Session_MatchesGoldenDump(string name)
    {
        var session = FitTestData.Decode(name).Sessions.Single();
        var g = GoDumpRecords.Read(Fixtures.Path(name + ".golden.gz")).Sessions.Single();

        FitTestData.Near(Raw(g, "TotalElapsedTime", 0xFFFFFFFF) / 1000, session.ElapsedTime ?? double.NaN, 1e-9, "elapsed");
        FitTestData.Near(Raw(g, "TotalTimerTime", 0xFFFFFFFF) / 1000, session.TimerTime ?? double.NaN, 1e-9, "timer");
        FitTestData.Near(Raw(g, "TotalDistance", 0xFFFFFFFF) / 100, session.Distance ?? double.NaN, 1e-9, "distance");
        FitTestData.Near(Raw(g, "AvgHeartRate", 0xFF), session.AverageHeartRate ?? double.NaN, 0, "avg hr");
        FitTestData.Near(Raw(g, "MaxHeartRate", 0xFF), session.MaxHeartRate ?? double.NaN, 0, "max hr");
        FitTestData.Near(Raw(g, "AvgPower", 0xFFFF), session.AveragePower ?? double.NaN, 0, "avg power");
        FitTestData.Near(Raw(g, "TotalCalories", 0xFFFF), session.Calories ?? double.NaN, 0, "calories");
    }

    private static double? Raw(Dictionary<string, long> values, string name, long invalid) =>
        values.TryGetValue(name, out var v) && v != invalid ? v : null;
}
