using Forma.Analytics.Models;

namespace Forma.Analytics.Tests.Models;

public class RacePredictorTests
{
    private static double Riegel(double seconds, double from, double to, double b) => seconds * Math.Pow(to / from, b);

    [Fact]
    public void Riegel_BestsOnAKnownExponent_FitsIt()
    {
        (double, double)[] bests = [(5000, 1200), (10_000, Riegel(1200, 5000, 10_000, 1.08)), (21_097.5, Riegel(1200, 5000, 21_097.5, 1.08))];

        var prediction = RacePredictor.Riegel(bests, 42_195)!;

        Assert.Equal(1.08, prediction.Inputs["exponent"], 1e-9);
        Assert.Equal(Riegel(1200, 5000, 42_195, 1.08), prediction.Seconds, 1e-6);
        Assert.Equal(21_097.5, prediction.Inputs["anchorMetres"]);
        Assert.Equal(0.01, prediction.Inputs["exponentSpread"], 1e-12);
        Assert.Equal(Riegel(prediction.Inputs["anchorSeconds"], 21_097.5, 42_195, 1.07), prediction.LowSeconds, 1e-6);
        Assert.Equal(Riegel(prediction.Inputs["anchorSeconds"], 21_097.5, 42_195, 1.09), prediction.HighSeconds, 1e-6);
    }

    [Fact]
    public void Riegel_OneBest_UsesTheDefaultExponentWithAWiderRange()
    {
        var prediction = RacePredictor.Riegel([(10_000, 2400)], 21_097.5)!;

        Assert.Equal(RacePredictor.DefaultRiegelExponent, prediction.Inputs["exponent"]);
        Assert.Equal(Riegel(2400, 10_000, 21_097.5, 1.06), prediction.Seconds, 1e-9);
        Assert.Equal(Riegel(2400, 10_000, 21_097.5, 1.03), prediction.LowSeconds, 1e-9);
        Assert.Equal(Riegel(2400, 10_000, 21_097.5, 1.09), prediction.HighSeconds, 1e-9);
    }

    [Fact]
    public void Riegel_NoBests_SaysWhy()
    {
        Assert.Null(RacePredictor.Riegel([], 10_000, out var why));
        Assert.NotNull(why);
    }

    [Fact]
    public void Vdot_FromA5k_PredictsTheTableEquivalent()
    {
        var prediction = RacePredictor.Vdot([(5000, 20 * 60)], 10_000)!;

        var vdot = Vdot.FromRace(5000, 1200);
        Assert.Equal(vdot, prediction.Inputs["vdot"]);
        Assert.Equal(Vdot.PredictSeconds(vdot, 10_000), prediction.Seconds);
        Assert.Equal(Vdot.PredictSeconds(vdot + 0.5, 10_000), prediction.LowSeconds, 1e-9);
        Assert.Equal(Vdot.PredictSeconds(vdot - 0.5, 10_000), prediction.HighSeconds, 1e-9);
    }

    [Fact]
    public void Vdot_Ultra_SaysWhy()
    {
        Assert.Null(RacePredictor.Vdot([(5000, 1200)], 100_000, out var why));
        Assert.Contains("1500 m", why, StringComparison.Ordinal);
    }
}
