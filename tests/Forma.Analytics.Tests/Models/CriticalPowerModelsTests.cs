using Forma.Analytics.Models;

namespace Forma.Analytics.Tests.Models;

public class CriticalPowerModelsTests
{
    private const double Cp = 250, WPrime = 20_000;

    private static (double, double)[] Hyperbola(params double[] seconds) =>
        [.. seconds.Select(t => (t, Cp + (WPrime / t)))];

    /// <summary>Morton's curve with CP 260 W, W′ 18 kJ, Pmax 1100 W: P(t) = CP + W′/(t + W′/(Pmax − CP)).</summary>
    private static double Morton(double t) => 260 + (18_000 / (t + (18_000 / (1100.0 - 260))));

    [Fact]
    public void TwoParameter_ExactHyperbola_ReturnsCpAndWPrime()
    {
        // The 30 s and 1 h efforts lie outside 2–20 min and must be ignored, however wrong they are.
        var fit = CriticalPowerModels.TwoParameter([.. Hyperbola(120, 180, 300, 600, 720, 1200), (30, 2000), (3600, 100)]);

        Assert.NotNull(fit);
        Assert.Equal(CriticalPowerModels.TwoParameterModel, fit.Model);
        Assert.Equal(Cp, fit.CriticalPower, 1e-6);
        Assert.Equal(WPrime, fit.WPrime, 1e-6);
        Assert.Null(fit.MaxPower);
        Assert.Equal(1, fit.RSquared, 1e-12);
        Assert.Equal(6, fit.Points);
        Assert.Equal(Cp, fit.CriticalPowerLow, 1e-6);
        Assert.Equal(Cp, fit.CriticalPowerHigh, 1e-6);
    }

    [Fact]
    public void TwoParameter_NoisyEfforts_HaveAConfidenceIntervalAroundCp()
    {
        var fit = CriticalPowerModels.TwoParameter([(180, 365), (300, 312), (720, 280), (1200, 264)])!;

        Assert.True(fit.CriticalPowerLow < fit.CriticalPower && fit.CriticalPower < fit.CriticalPowerHigh);
        Assert.InRange(fit.RSquared, 0.9, 1);
    }

    [Fact]
    public void TwoParameter_OneUsableEffort_SaysWhy()
    {
        Assert.Null(CriticalPowerModels.TwoParameter([(300, 320), (60, 500)], out var why));
        Assert.Contains("two or more different durations between 2 and 20 minutes", why, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeParameter_MortonCurve_ReturnsItsParameters()
    {
        var fit = CriticalPowerModels.ThreeParameter([.. new[] { 15.0, 30, 60, 120, 180, 300, 600, 1200 }.Select(t => (t, Morton(t)))]);

        Assert.NotNull(fit);
        Assert.Equal(CriticalPowerModels.ThreeParameterModel, fit.Model);
        Assert.Equal(260, fit.CriticalPower, 1e-3);
        Assert.Equal(18_000, fit.WPrime, 0.5);
        Assert.Equal(1100, fit.MaxPower!.Value, 0.05);
        Assert.Equal(1, fit.RSquared, 1e-9);
    }

    [Fact]
    public void ThreeParameter_NoShortEffort_SaysWhy()
    {
        Assert.Null(CriticalPowerModels.ThreeParameter(Hyperbola(180, 300, 720, 1200), out var why));
        Assert.Contains("under 2 minutes", why, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCurve_HyperbolicCurve_FitsTheStandardDurations()
    {
        var curve = Enumerable.Range(1, 1800).Select(t => Cp + (WPrime / t)).ToArray();

        var fit = CriticalPowerModels.FromCurve(curve)!;

        Assert.Equal(4, fit.Points);
        Assert.Equal(Cp, fit.CriticalPower, 1e-6);
        Assert.Equal(Cp, CriticalPowerModels.EstimatedFtp(curve)!.Value, 1e-6);
    }

    [Fact]
    public void ThreeParameterFromCurve_MortonCurve_ReturnsItsParameters()
    {
        var fit = CriticalPowerModels.ThreeParameterFromCurve([.. Enumerable.Range(1, 1800).Select(t => Morton(t))])!;

        Assert.Equal(260, fit.CriticalPower, 1e-3);
        Assert.Equal(1100, fit.MaxPower!.Value, 0.05);
    }

    [Fact]
    public void EstimatedFtp_NoFit_FallsBackToNinetyFivePercentOfTwentyMinutes()
    {
        // A flat curve gives W′ = 0, which the model rejects.
        Assert.Equal(0.95 * 240, CriticalPowerModels.EstimatedFtp(Enumerable.Repeat(240.0, 1500).ToArray())!.Value, 1e-9);
        Assert.Null(CriticalPowerModels.EstimatedFtp(new double[100], out var why));
        Assert.NotNull(why);
    }
}
