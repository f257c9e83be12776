using Forma.Analytics.Load;

namespace Forma.Analytics.Tests.Load;

public class LoadModelTests
{
    private static readonly DateOnly _day0 = new(2026, 1, 1);

    [Fact]
    public void Compute_SingleImpulse_DecaysExponentially()
    {
        const double L = 100;
        var loads = new double[120];
        loads[0] = L;

        var days = LoadModel.Compute(_day0, loads);

        for (var n = 0; n < loads.Length; n++)
        {
            Assert.Equal(L * (1 - Math.Exp(-1.0 / 42)) * Math.Exp(-n / 42.0), days[n].Ctl, 1e-12);
            Assert.Equal(L * (1 - Math.Exp(-1.0 / 7)) * Math.Exp(-n / 7.0), days[n].Atl, 1e-12);
            Assert.Equal(_day0.AddDays(n), days[n].Date);
        }
    }

    [Fact]
    public void Compute_Tsb_IsYesterdaysCtlMinusAtl()
    {
        var days = LoadModel.Compute(_day0, [50, 120, 0, 80], startCtl: 40, startAtl: 55);

        Assert.Equal(40 - 55, days[0].Tsb);
        for (var d = 1; d < days.Length; d++)
        {
            Assert.Equal(days[d - 1].Ctl - days[d - 1].Atl, days[d].Tsb, 1e-12);
        }
    }

    [Fact]
    public void Compute_Monotony_AlternatingWeekByHand()
    {
        // mean 400/7, population SD √(4/7 · 3/7)·100, so monotony = √(4/3) and strain = 400·√(4/3).
        var days = LoadModel.Compute(_day0, [100, 0, 100, 0, 100, 0, 100]);

        Assert.All(days[..6], d => Assert.Null(d.Monotony));
        Assert.Equal(Math.Sqrt(4.0 / 3), days[6].Monotony!.Value, 1e-12);
        Assert.Equal(400 * Math.Sqrt(4.0 / 3), days[6].Strain!.Value, 1e-9);
    }

    [Fact]
    public void Compute_SteadyLoad_HoldsStateAndHasNoMonotony()
    {
        var days = LoadModel.Compute(_day0, Enumerable.Repeat(60.0, 30).ToArray(), startCtl: 60, startAtl: 60);

        Assert.All(days, d =>
        {
            Assert.Equal(60, d.Ctl, 1e-9);
            Assert.Equal(0, d.Tsb, 1e-9);
            Assert.Equal(0, d.RampRate, 1e-9);
            Assert.Equal(1, d.AcuteChronicRatio!.Value, 1e-9);
            Assert.Null(d.Monotony);
            Assert.Null(d.Strain);
        });
    }

    [Fact]
    public void Compute_RampRate_IsCtlChangeOverSevenDays()
    {
        var days = LoadModel.Compute(_day0, Enumerable.Range(0, 20).Select(i => i * 10.0).ToArray(), startCtl: 5);

        Assert.Equal(days[3].Ctl - 5, days[3].RampRate, 1e-12);
        Assert.Equal(days[15].Ctl - days[8].Ctl, days[15].RampRate, 1e-12);
    }

    [Fact]
    public void Compute_NoChronicLoad_HasNoRatio() =>
        Assert.Null(LoadModel.Compute(_day0, [0, 0, 20])[1].AcuteChronicRatio);

    [Fact]
    public void Compute_OtherTimeConstants_UseTheirGain()
    {
        var days = LoadModel.Compute(_day0, [100], new LoadModelOptions { ChronicDays = 28, AcuteDays = 5 });

        Assert.Equal(100 * (1 - Math.Exp(-1.0 / 28)), days[0].Ctl, 1e-12);
        Assert.Equal(100 * (1 - Math.Exp(-1.0 / 5)), days[0].Atl, 1e-12);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Compute_InvalidLoad_Throws(double load) =>
        Assert.Throws<ArgumentException>(() => LoadModel.Compute(_day0, [10, load]));
}
