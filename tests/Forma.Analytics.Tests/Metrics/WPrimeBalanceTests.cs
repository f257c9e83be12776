using Forma.Analytics.Metrics;

namespace Forma.Analytics.Tests.Metrics;

public class WPrimeBalanceTests
{
    private const double Cp = 250, WPrime = 20_000;

    [Fact]
    public void Compute_BelowCriticalPower_StaysFull()
    {
        var (time, power) = Blocks((600, 240));

        Assert.All(WPrimeBalance.Compute(time, power, Cp, WPrime), w => Assert.Equal(WPrime, w));
    }

    [Fact]
    public void Compute_SupraCpBlock_DepletesByExcessWork()
    {
        // 60 s at 350 W is 100 W over CP: W′bal = 20,000 − 100 · 60.
        var (time, power) = Blocks((60, 350));

        Assert.Equal(WPrime - 100 * 60, WPrimeBalance.Compute(time, power, Cp, WPrime)[^1], 9);
    }

    [Fact]
    public void Compute_BlockToExhaustion_ReachesZeroAtTheCpModelsTimeLimit()
    {
        // t_lim = W′ / (P − CP) = 20,000 / 100 = 200 s.
        var (time, power) = Blocks((200, 350));

        Assert.Equal(0, WPrimeBalance.Compute(time, power, Cp, WPrime)[^1], 9);
    }

    [Fact]
    public void Compute_RecoveryBelowCp_ReconstitutesExponentially()
    {
        // After a 6,000 J deficit, 120 s at 150 W (DCP = 100 W): W′ − 6,000 · e^(−100 · 120 / 20,000).
        var (time, power) = Blocks((60, 350), (120, 150));

        Assert.Equal(WPrime - 6000 * Math.Exp(-100.0 * 120 / WPrime), WPrimeBalance.Compute(time, power, Cp, WPrime)[^1], 9);
    }

    [Fact]
    public void Compute_SparserSampling_GivesTheSameBalance()
    {
        var (time, power) = Blocks((60, 350), (120, 150));
        var everyFive = Enumerable.Range(0, 37).Select(i => i * 5.0).ToArray();
        var fivePower = everyFive.Select(t => t <= 60 ? 350.0 : 150).ToArray();

        var dense = WPrimeBalance.Compute(time, power, Cp, WPrime);
        var sparse = WPrimeBalance.Compute(everyFive, fivePower, Cp, WPrime);

        Assert.Equal(dense[^1], sparse[^1], 9);
        Assert.Equal(dense[60], sparse[12], 9);
    }

    [Fact]
    public void Compute_BadModel_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WPrimeBalance.Compute([0, 1], [300, 300], 0, WPrime));

    /// <summary>1 Hz rows from t = 0, each block's power on the rows that end its seconds.</summary>
    private static (double[] Time, double[] Power) Blocks(params (int Seconds, double Watts)[] blocks)
    {
        var power = new List<double> { 0 };
        foreach (var (seconds, watts) in blocks)
        {
            power.AddRange(Enumerable.Repeat(watts, seconds));
        }

        return (Enumerable.Range(0, power.Count).Select(i => (double)i).ToArray(), power.ToArray());
    }
}
