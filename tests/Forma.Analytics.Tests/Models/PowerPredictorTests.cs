using Forma.Analytics.Models;

namespace Forma.Analytics.Tests.Models;

public class PowerPredictorTests
{
    private static readonly CriticalPowerFit _twoParameter = new(CriticalPowerModels.TwoParameterModel, 250, 20_000, null, 1, 240, 260, 4);
    private static readonly CriticalPowerFit _threeParameter = new(CriticalPowerModels.ThreeParameterModel, 260, 18_000, 1100, 1, 260, 260, 8);

    [Fact]
    public void Duration_TwoParameter_IsWPrimeOverPowerAboveCp()
    {
        var prediction = PowerPredictor.Duration(_twoParameter, 350)!;

        Assert.Equal(200, prediction.Seconds, 1e-9);
        Assert.Equal(20_000 / 110.0, prediction.LowSeconds, 1e-9);
        Assert.Equal(20_000 / 90.0, prediction.HighSeconds, 1e-9);
    }

    [Fact]
    public void Duration_ThreeParameter_IsMortonsTime()
    {
        var prediction = PowerPredictor.Duration(_threeParameter, 500)!;

        Assert.Equal((18_000 / 240.0) - (18_000 / 840.0), prediction.Seconds, 1e-9);
        Assert.Equal(500, PowerPredictor.Power(_threeParameter, prediction.Seconds)!.Watts!.Value, 1e-9);
    }

    [Fact]
    public void Duration_AtCpOrAbovePmax_SaysWhy()
    {
        Assert.Null(PowerPredictor.Duration(_twoParameter, 250, out var why));
        Assert.NotNull(why);
        Assert.Null(PowerPredictor.Duration(_threeParameter, 1200, out why));
        Assert.Contains("maximal power", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Power_TwoParameter_IsCpPlusWPrimeOverTime()
    {
        var prediction = PowerPredictor.Power(_twoParameter, 400)!;

        Assert.Equal(300, prediction.Watts!.Value, 1e-9);
        Assert.Equal(290, prediction.LowWatts!.Value, 1e-9);
        Assert.Equal(310, prediction.HighWatts!.Value, 1e-9);
        Assert.Null(PowerPredictor.Power(_twoParameter, 7200));
    }
}
