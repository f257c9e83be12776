using Forma.Analytics.Metrics;
using Forma.Analytics.Physiology;
using Forma.Formats;

namespace Forma.Analytics.Tests.Metrics;

public class RunningMetricsTests
{
    private static readonly Thresholds Threshold4 = new() { ThresholdSpeed = 4, SwimCriticalSpeed = 1.2 };

    [Fact]
    public void Cost_MinettiPolynomial_MatchesThePublishedValues()
    {
        Assert.Equal(3.6, GradedSpeed.Cost(0), 12);
        // 155.4·0.1⁵ − 30.4·0.1⁴ − 43.3·0.1³ + 46.3·0.1² + 19.5·0.1 + 3.6, by hand.
        Assert.Equal(5.968214, GradedSpeed.Cost(0.1), 9);
        Assert.Equal(GradedSpeed.Cost(0.45), GradedSpeed.Cost(0.9), 12);
    }

    [Fact]
    public void Compute_FlatRunAtThresholdForAnHour_NgsIsTheSpeedAndRtssIsOneHundred()
    {
        var run = Synthetic.Seconds(3600).WithSpeed(_ => 4).With(StreamNames.Altitude, 100).With(StreamNames.HeartRate, 160).Build();

        var m = ActivityMetrics.Compute(run, "running", Threshold4);

        Assert.Equal(4, m.NormalizedGradedSpeed!.Value, 9);
        Assert.Equal(100, m.RunningTss!.Value, 9);
        Assert.Equal(4.0 / 160, m.EfficiencyFactor!.Value, 9);
        Assert.Equal((m.RunningTss, LoadMethods.RunningTss), (m.Load, m.LoadMethod));
    }

    [Fact]
    public void Compute_SteadyTenPercentClimb_NgsIsSpeedTimesCostRatio()
    {
        // 3 m/s up a constant 10 % gradient: every metre costs C(0.1)/C(0) flat metres.
        var run = Synthetic.Seconds(1800).WithSpeed(_ => 3).With(StreamNames.Altitude, i => 0.1 * 3 * i).Build();

        var m = ActivityMetrics.Compute(run, "running", Threshold4);

        Assert.Equal(3 * 5.968214 / 3.6, m.NormalizedGradedSpeed!.Value, 6);
        Assert.Equal(0.5 * Math.Pow(3 * 5.968214 / 3.6 / 4, 2) * 100, m.RunningTss!.Value, 6);
    }

    [Fact]
    public void Compute_SwimAtNinetyPercentOfCss_SwimTssIsTheCube()
    {
        var swim = Synthetic.Seconds(3600).WithSpeed(_ => 1.08).Build();

        var m = ActivityMetrics.Compute(swim, "swimming", Threshold4);

        Assert.Equal(Math.Pow(0.9, 3) * 100, m.SwimTss!.Value, 9);
        Assert.Equal(LoadMethods.SwimTss, m.LoadMethod);
    }

    [Fact]
    public void Compute_RunWithThresholdSpeed_PaceZonesReadTheSpeed()
    {
        // 3.6 m/s is 90 % of threshold speed: Friel zone 3 lies between 1/1.14 = 87.7 % and 1/1.06 = 94.3 %.
        var run = Synthetic.Seconds(600).WithSpeed(_ => 3.6).Build();

        var zones = ActivityMetrics.Compute(run, "running", Threshold4).TimeInZones;

        Assert.Equal(600, zones.Single(z => z is { Kind: "pace", Zone: "3" }).Seconds);
    }
}
