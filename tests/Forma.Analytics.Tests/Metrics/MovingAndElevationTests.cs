using Forma.Analytics.Metrics;
using Forma.Analytics.Physiology;
using Forma.Formats;

namespace Forma.Analytics.Tests.Metrics;

public class MovingAndElevationTests
{
    [Fact]
    public void Compute_StopsAndPauses_AreNotMovingTime()
    {
        // 600 s running at 3 m/s, 120 s standing (rows keep coming), a 300 s hole (auto-pause), 600 s running.
        var time = Enumerable.Range(0, 1322).Select(i => i <= 720 ? i : i + 300.0).ToArray();
        var speed = time.Select((t, i) => i is > 600 and <= 720 ? 0 : 3.0).ToArray();
        var streams = new SampleStreams(time.Length, new Dictionary<string, double[]>
        {
            [StreamNames.Time] = time,
            [StreamNames.Speed] = speed,
        });

        var m = ActivityMetrics.Compute(streams, "running", Thresholds.None);

        Assert.Equal(1621, m.ElapsedTime);
        Assert.Equal(1200, m.MovingTime);
        Assert.Equal(3600, m.Distance!.Value, 9);
        Assert.Equal(3, m.AverageSpeed!.Value, 9);
    }

    [Fact]
    public void Compute_ClimbAndDescentWithSensorNoise_CountsTheTerrainNotTheNoise()
    {
        // Up 100 m over 1,000 s, then down 40 m over 400 s, with ±0.5 m alternating noise inside the 3 m band.
        var altitude = Synthetic.Seconds(1400).With(StreamNames.Altitude, i => (i <= 1000 ? 0.1 * i : 100 - 0.1 * (i - 1000)) + (i % 2 == 0 ? 0.5 : -0.5)).Build();

        var m = ActivityMetrics.Compute(altitude, "cycling", Thresholds.None);

        // Turning points are read off the noisy samples, so each total is right to within the noise (±1 m).
        Assert.InRange(m.ElevationGain!.Value, 99, 101);
        Assert.InRange(m.ElevationLoss!.Value, 39, 41);
    }

    [Fact]
    public void Compute_FlatRoadWithNoise_HasNoElevationGain()
    {
        var flat = Synthetic.Seconds(3600).With(StreamNames.Altitude, i => 50 + 1.4 * Math.Sin(i / 7.0)).Build();

        var m = ActivityMetrics.Compute(flat, "cycling", Thresholds.None);

        Assert.Equal((0.0, 0.0), (m.ElevationGain!.Value, m.ElevationLoss!.Value));
    }

    [Fact]
    public void Compute_PositionsOnly_DistanceIsTheHaversineSum()
    {
        // Along the equator, 0.001° of longitude is R · π/180 · 0.001 metres.
        var track = Synthetic.Seconds(100).With(StreamNames.Latitude, 0).With(StreamNames.Longitude, i => i * 0.001).Build();

        var m = ActivityMetrics.Compute(track, "running", Thresholds.None);

        Assert.Equal(100 * Distances.EarthRadiusMetres * Math.PI / 180 * 0.001, m.Distance!.Value, 6);
    }

    [Fact]
    public void Compute_EmptyRecording_IsAllZeroOrUnknown()
    {
        var m = ActivityMetrics.Compute(SampleStreams.Empty, "cycling", Thresholds.None);

        Assert.Equal((0.0, 0.0), (m.ElapsedTime, m.MovingTime));
        Assert.Null(m.Distance);
        Assert.Null(m.Load);
        Assert.Empty(m.TimeInZones);
    }
}
