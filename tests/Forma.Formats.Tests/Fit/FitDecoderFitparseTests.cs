namespace Forma.Formats.Tests.Fit;

/// <summary>Per-record values against python-fitparse's expected CSVs.</summary>
public class FitDecoderFitparseTests
{
    private const double DegreesToSemicircles = 2147483648.0 / 180;

    [Theory]
    [InlineData("fit/garmin-edge-500-activity")]
    [InlineData("fit/garmin-fenix-5-run")]
    [InlineData("fit/garmin-fenix-5-bike")]
    [InlineData("fit/garmin-fenix-5-walk")]
    [InlineData("fit/garmin-edge-820-bike")]
    public void Records_MatchFitparseCsv(string name)
    {
        var activity = FitTestData.Decode(name + ".fit");
        var expected = FitparseRecord.Read(Fixtures.Path(name + "-records.csv"));

        Assert.Equal(expected.Count, activity.Streams.Count);
        var start = activity.Metadata.StartTime!.Value;
        var time = FitTestData.Column(activity, StreamNames.Time);
        var hr = FitTestData.Column(activity, StreamNames.HeartRate);
        var cadence = FitTestData.Column(activity, StreamNames.Cadence);
        var speed = FitTestData.Column(activity, StreamNames.Speed);
        var distance = FitTestData.Column(activity, StreamNames.Distance);
        var lat = FitTestData.Column(activity, StreamNames.Latitude);
        var lon = FitTestData.Column(activity, StreamNames.Longitude);
        var altitude = FitTestData.Column(activity, StreamNames.Altitude);
        var temperature = FitTestData.Column(activity, StreamNames.Temperature);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            Assert.Equal(e.Time, start.AddSeconds(time[i]));
            FitTestData.Near(e.HeartRate, hr[i], 0, $"hr[{i}]");
            FitTestData.Near(e.Cadence is null or 0 && double.IsNaN(cadence[i]) ? null : e.Cadence ?? 0, cadence[i], 0, $"cadence[{i}]");
            FitTestData.Near(e.Speed, speed[i], 0.0005, $"speed[{i}]");
            FitTestData.Near(e.Distance, distance[i], 0.005, $"distance[{i}]");
            FitTestData.Near(e.Altitude, altitude[i], 0.001, $"altitude[{i}]");
            FitTestData.Near(e.Temperature, temperature[i], 0, $"temperature[{i}]");

            // fitparse repeats the last valid position where the record has none; compare only real ones.
            if (!double.IsNaN(lat[i]))
            {
                FitTestData.Near(e.Lat, lat[i] * DegreesToSemicircles, 0.5, $"lat[{i}]");
                FitTestData.Near(e.Long, lon[i] * DegreesToSemicircles, 0.5, $"long[{i}]");
            }
        }
    }

    [Fact]
    public void CompressedSpeedDistance_MatchesCsv_WithDeviceRelativeTimes()
    {
        var activity = FitTestData.Decode("fit/compressed-speed-distance.fit");
        var lines = File.ReadAllLines(Fixtures.Path("fit/compressed-speed-distance-records.csv")).Skip(1).Where(l => l.Length > 0).ToList();

        Assert.Null(activity.Metadata.StartTime); // device-relative timestamps name no moment
        Assert.Equal(lines.Count + 1, activity.Streams.Count); // the first record carries only a timestamp
        var times = FitTestData.RawTimes(activity, relativeOrigin: 17217864);
        Assert.Equal(17217864, times[0]);
        var hr = FitTestData.Column(activity, StreamNames.HeartRate);
        var speed = FitTestData.Column(activity, StreamNames.Speed);
        var distance = FitTestData.Column(activity, StreamNames.Distance);
        var cadence = FitTestData.Column(activity, StreamNames.Cadence);
        for (var i = 0; i < lines.Count; i++)
        {
            var c = lines[i].Split(',');
            var row = i + 1;
            Assert.Equal(double.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), times[row]);
            FitTestData.Near(Parse(c[1]), hr[row], 0, $"hr[{row}]");
            FitTestData.Near(Parse(c[2]), speed[row], 0.001, $"speed[{row}]");
            FitTestData.Near(Parse(c[3]), distance[row], 0.001, $"distance[{row}]");
            FitTestData.Near(Parse(c[4]), cadence[row], 0, $"cadence[{row}]");
        }
    }

    [Fact]
    public void Elemnt_SessionAverageSpeed_IsUpstreamValue()
    {
        var activity = FitTestData.Decode("fit/2019-02-17-062644-ELEMNT-297E-195-0.fit");

        Assert.Equal(5.86, activity.Sessions.Single().AverageSpeed!.Value, 3);
        Assert.Equal(13471, activity.Streams.Count);
    }

    private static double? Parse(string s) =>
        s == "null" ? null : double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
