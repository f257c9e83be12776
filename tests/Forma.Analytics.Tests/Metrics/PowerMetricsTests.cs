using Forma.Analytics.Metrics;
using Forma.Analytics.Physiology;
using Forma.Formats;

namespace Forma.Analytics.Tests.Metrics;

public class PowerMetricsTests
{
    private static readonly Thresholds Ftp250 = new() { FunctionalThresholdPower = 250 };

    [Fact]
    public void Compute_ConstantPowerForAnHour_NpIsThePowerAndTssFollowsIfSquared()
    {
        var ride = Synthetic.Seconds(3600).With(StreamNames.Power, 200).Build();

        var m = ActivityMetrics.Compute(ride, "cycling", Ftp250);

        Assert.Equal(200, m.NormalizedPower!.Value, 9);
        Assert.Equal(0.8, m.IntensityFactor!.Value, 9);
        Assert.Equal(100 * 0.8 * 0.8, m.Tss!.Value, 9);
        Assert.Equal(200, m.AveragePower!.Value, 9);
        Assert.Equal(200 * 3600 / 1000.0, m.Work!.Value, 9);
        Assert.Equal((m.Tss, LoadMethods.PowerTss), (m.Load, m.LoadMethod));
    }

    [Fact]
    public void Compute_SquareWaveWithThe30sWindowAsPeriod_NpIsTheMeanPower()
    {
        // Every 30 s window holds one whole period, so each rolling mean is (400 + 200) / 2 exactly.
        var ride = Synthetic.Seconds(3600).With(StreamNames.Power, i => (i - 1) % 30 < 15 ? 400 : 200).Build();

        var m = ActivityMetrics.Compute(ride, "cycling", Ftp250);

        Assert.Equal(300, m.NormalizedPower!.Value, 9);
        Assert.Equal(300, m.AveragePower!.Value, 9);
    }

    [Fact]
    public void Compute_SquareWaveWith60sPeriod_NpMatchesTheRampClosedForm()
    {
        // 30 s at A then 30 s at B: the windows hold c seconds of A with c = 30, 29, …, 0, 1, …, 29 over each
        // period, so the rolling mean is B + (A − B)c/30. 3,629 s gives 3,600 full windows = 60 whole periods.
        const double A = 400, B = 100;
        var ride = Synthetic.Seconds(3629).With(StreamNames.Power, i => (i - 1) % 60 < 30 ? A : B).Build();
        double Fourth(int c) => Math.Pow(B + (A - B) * c / 30, 4);
        var periodMean = (Fourth(0) + Fourth(30) + 2 * Enumerable.Range(1, 29).Sum(Fourth)) / 60;

        var m = ActivityMetrics.Compute(ride, "cycling", Ftp250);

        Assert.Equal(Math.Pow(periodMean, 0.25), m.NormalizedPower!.Value, 9);
    }

    [Fact]
    public void Compute_TwoSecondRecording_ResamplesToTheSameNp()
    {
        var everySecond = Synthetic.Seconds(3600).With(StreamNames.Power, i => (i - 1) % 60 < 30 ? 300 : 150).Build();
        var everyTwo = Synthetic.Seconds(3600, step: 2).With(StreamNames.Power, i => (2 * i - 1) % 60 < 30 ? 300 : 150).Build();

        var np1 = ActivityMetrics.Compute(everySecond, "cycling", Ftp250).NormalizedPower!.Value;
        var np2 = ActivityMetrics.Compute(everyTwo, "cycling", Ftp250).NormalizedPower!.Value;

        Assert.Equal(np1, np2, 9);
    }

    [Fact]
    public void Compute_PauseLongerThanTheGapLimit_IsCutOutOfNpAndTss()
    {
        // Two half-hours at 250 W (FTP) with a 20-minute hole in the time column between them: one hour, TSS 100.
        var rows = Enumerable.Range(0, 3602).Select(i => i <= 1800 ? i : i + 1200.0).ToArray();
        var ride = new SampleStreams(rows.Length, new Dictionary<string, double[]>
        {
            [StreamNames.Time] = rows,
            [StreamNames.Power] = Enumerable.Repeat(250.0, rows.Length).ToArray(),
        });

        var m = ActivityMetrics.Compute(ride, "cycling", Ftp250);

        Assert.Equal(250, m.NormalizedPower!.Value, 9);
        Assert.Equal(100, m.Tss!.Value, 6);
        Assert.Equal(4801, m.ElapsedTime);
    }

    [Fact]
    public void Compute_UnderThirtySeconds_HasNoNp()
    {
        var m = ActivityMetrics.Compute(Synthetic.Seconds(20).With(StreamNames.Power, 300).Build(), "cycling", Ftp250);

        Assert.Null(m.NormalizedPower);
        Assert.Equal(300, m.AveragePower!.Value, 9);
    }

    [Fact]
    public void Compute_Lap_IsTheActivityOfItsRows()
    {
        var ride = Synthetic.Seconds(1800).With(StreamNames.Power, i => i < 600 ? 100 : 300).Build();

        var lap = ActivityMetrics.Compute(ride, "cycling", Ftp250, 600, 1201);

        Assert.Equal(600, lap.ElapsedTime);
        Assert.Equal(300, lap.AveragePower!.Value, 9);
        Assert.Equal(300, lap.NormalizedPower!.Value, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivityMetrics.Compute(ride, "cycling", Ftp250, 10, 5000));
    }

    [Fact]
    public void Compute_SteadyPowerWithHeartRateDrift_DecouplingIsTheEfDrop()
    {
        // Friel Pw:HR: EF = 200/140 in the first half, 200/147 in the second: (1 − 140/147) × 100 %.
        var ride = Synthetic.Seconds(7200).With(StreamNames.Power, 200).With(StreamNames.HeartRate, i => i <= 3600 ? 140 : 147).Build();

        var m = ActivityMetrics.Compute(ride, "cycling", Ftp250);

        Assert.Equal((1 - 140.0 / 147) * 100, m.AerobicDecoupling!.Value, 6);
        Assert.Equal(200 / ((140 * 3600 + 147 * 3600) / 7200.0), m.EfficiencyFactor!.Value, 9);
    }
}
