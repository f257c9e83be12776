namespace Forma.Formats.Tests.Fit;

/// <summary>Records, sessions and laps against Garmin FitCSVTool dumps of FIT SDK example files.</summary>
public class FitDecoderCsvToolTests
{
    private static readonly Dictionary<string, string> StreamFor = new(StringComparer.Ordinal)
    {
        ["heart_rate"] = StreamNames.HeartRate,
        ["cadence"] = StreamNames.Cadence,
        ["distance"] = StreamNames.Distance,
        ["enhanced_speed"] = StreamNames.Speed,
        ["enhanced_altitude"] = StreamNames.Altitude,
        ["power"] = StreamNames.Power,
        ["temperature"] = StreamNames.Temperature,
    };

    [Theory]
    [InlineData("DeveloperData", 3)]
    [InlineData("activity_developerdata", 3601)]
    [InlineData("activity_multisport", 78)]
    [InlineData("activity_poolswim", 24)]
    public void Records_MatchFitCsvTool(string name, int count)
    {
        var activity = FitTestData.Decode($"fit/garmin-fit-sdk-license/{name}.fit");
        var records = FitCsvToolFile.ReadData(Fixtures.Path($"fit/garmin-fit-sdk-license/{name}.csv"))
            .Where(r => r.Message == "record").Select(r => r.Fields).ToList();

        Assert.Equal(count, records.Count);
        Assert.Equal(count, activity.Streams.Count);
        var times = FitTestData.RawTimes(activity);
        var compared = 0;
        for (var i = 0; i < count; i++)
        {
            if (FitCsvToolFile.Number(records[i], "timestamp") is { } timestamp)
            {
                Assert.Equal(timestamp, times[i]);
            }

            foreach (var (field, _) in records[i])
            {
                // Profile fields by their stream name; developer fields under their own name.
                var stream = StreamFor.GetValueOrDefault(field, field);
                if (activity.Streams[stream] is not { } column || field is "speed" or "altitude")
                {
                    continue;
                }

                var expected = FitCsvToolFile.Number(records[i], field);
                FitTestData.Near(field == "heart_rate" && expected == 255 ? null : expected, column[i], 1e-6, $"{field}[{i}]");
                compared++;
            }
        }

        Assert.True(compared >= count * 2, $"only {compared} values compared");
    }

    [Theory]
    [InlineData("activity_developerdata")]
    [InlineData("activity_multisport")]
    [InlineData("activity_poolswim")]
    public void SessionsAndLaps_MatchFitCsvTool(string name)
    {
        var activity = FitTestData.Decode($"fit/garmin-fit-sdk-license/{name}.fit");
        var rows = FitCsvToolFile.ReadData(Fixtures.Path($"fit/garmin-fit-sdk-license/{name}.csv"));
        var sessions = rows.Where(r => r.Message == "session").Select(r => r.Fields).ToList();
        var laps = rows.Where(r => r.Message == "lap").Select(r => r.Fields).ToList();

        Assert.Equal(sessions.Count, activity.Sessions.Count);
        Assert.Equal(laps.Count, activity.Laps.Count);
        foreach (var (expected, actual) in sessions.Zip(activity.Sessions).Concat(laps.Zip(activity.Laps)))
        {
            FitTestData.Near(FitCsvToolFile.Number(expected, "total_elapsed_time"), actual.ElapsedTime ?? double.NaN, 1e-9, "elapsed");
            FitTestData.Near(FitCsvToolFile.Number(expected, "total_timer_time"), actual.TimerTime ?? double.NaN, 1e-9, "timer");
            FitTestData.Near(FitCsvToolFile.Number(expected, "total_distance"), actual.Distance ?? double.NaN, 1e-9, "distance");
            FitTestData.Near(FitCsvToolFile.Number(expected, "avg_heart_rate"), actual.AverageHeartRate ?? double.NaN, 0, "avg hr");
            FitTestData.Near(FitCsvToolFile.Number(expected, "total_calories"), actual.Calories ?? double.NaN, 0, "calories");
            var start = FitCsvToolFile.Number(expected, "start_time");
            Assert.Equal(start, actual.StartTime is { } t ? (t - new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds : null);
        }
    }

    [Fact]
    public void Multisport_SessionSports_AreProfileNames()
    {
        var activity = FitTestData.Decode("fit/garmin-fit-sdk-license/activity_multisport.fit");

        Assert.Equal(["cycling/mountain", "running/trail"], activity.Sessions.Select(s => $"{s.Sport}/{s.SubSport}"));
        Assert.Equal("cycling", activity.Metadata.Sport);
        Assert.Equal("mountain", activity.Metadata.SubSport);
        Assert.Equal(new DeviceInfo("garmin", "fr945", null, "4.40"), activity.Metadata.Device);
    }

    [Fact]
    public void DeveloperData_KeepsDeveloperFieldAsStreamWithUnits()
    {
        var decoded = Forma.Formats.Fit.FitDecoder.DecodeWithUnits(Fixtures.Bytes("fit/garmin-fit-sdk-license/DeveloperData.fit"));

        Assert.Equal([1, 2, 3], decoded.Activity.Streams["doughnuts_earned"]!);
        Assert.Equal("doughnuts", decoded.Units["doughnuts_earned"]);
        Assert.Equal("bpm", decoded.Units[StreamNames.HeartRate]);
    }
}
