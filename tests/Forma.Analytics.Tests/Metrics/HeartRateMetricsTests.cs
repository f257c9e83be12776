using Forma.Analytics.Metrics;
using Forma.Analytics.Physiology;
using Forma.Formats;

namespace Forma.Analytics.Tests.Metrics;

public class HeartRateMetricsTests
{
    private static readonly Thresholds Heart = new() { RestingHeartRate = 50, MaxHeartRate = 200, Sex = Sex.Male };

    [Theory]
    [InlineData(Sex.Male, 0.64, 1.92)]
    [InlineData(Sex.Female, 0.86, 1.67)]
    public void Compute_ConstantHeartRateForAnHour_TrimpIsBanistersFormula(Sex sex, double k, double b)
    {
        // HR 150 with rest 50 and max 200: HRr = 100/150; 60 min · HRr · k · e^(b·HRr).
        var session = Synthetic.Seconds(3600).With(StreamNames.HeartRate, 150).Build();
        const double Hrr = 100.0 / 150;

        var m = ActivityMetrics.Compute(session, "running", Heart with { Sex = sex });

        Assert.Equal(60 * Hrr * k * Math.Exp(b * Hrr), m.Trimp!.Value, 9);
        Assert.Equal((m.Trimp, LoadMethods.Trimp), (m.Load, m.LoadMethod));
    }

    [Fact]
    public void Compute_AnHourAtThreshold_HeartRateTssIsOneHundred()
    {
        var session = Synthetic.Seconds(3600).With(StreamNames.HeartRate, 172).Build();

        var m = ActivityMetrics.Compute(session, "cycling", Heart with { ThresholdHeartRate = 172 });

        Assert.Equal(100, m.HeartRateTss!.Value, 9);
        Assert.Equal(LoadMethods.HeartRateTss, m.LoadMethod);
    }

    [Fact]
    public void Compute_UnknownSexOrRestingRate_HasNoTrimp()
    {
        var session = Synthetic.Seconds(600).With(StreamNames.HeartRate, 150).Build();

        Assert.Null(ActivityMetrics.Compute(session, "running", Heart with { Sex = null }).Trimp);
        Assert.Null(ActivityMetrics.Compute(session, "running", Heart with { RestingHeartRate = null }).Trimp);
        Assert.Null(ActivityMetrics.Compute(session, "running", Heart with { Sex = null }).LoadMethod);
    }

    [Fact]
    public void Compute_HeartRateBelowRest_AddsNothing()
    {
        var session = Synthetic.Seconds(600).With(StreamNames.HeartRate, 45).Build();

        Assert.Equal(0, ActivityMetrics.Compute(session, "running", Heart).Trimp);
    }

    [Fact]
    public void Compute_HeartRateZones_SecondsLandInFrielZones()
    {
        // LTHR 170, bike table: 150 bpm is 88 % (zone 2), 176 bpm is 103.5 % (zone 5b).
        var ride = Synthetic.Seconds(900).With(StreamNames.HeartRate, i => i <= 600 ? 150 : 176).Build();

        var zones = ActivityMetrics.Compute(ride, "cycling", new Thresholds { ThresholdHeartRate = 170 }).TimeInZones;

        Assert.Equal(7, zones.Count);
        Assert.All(zones, z => Assert.Equal("heartRate", z.Kind));
        Assert.Equal(600, zones.Single(z => z.Zone == "2").Seconds);
        Assert.Equal(300, zones.Single(z => z.Zone == "5b").Seconds);
        Assert.Equal(900, zones.Sum(z => z.Seconds));
    }
}
