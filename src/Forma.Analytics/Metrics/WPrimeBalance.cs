namespace Forma.Analytics.Metrics;

/// <summary>
/// W′ balance, Skiba's differential form (Skiba, Fulford, Clarke, Vanhatalo &amp; Jones 2015, "Intramuscular
/// determinants of the ability to recover work capacity above critical power", Eur J Appl Physiol 115:703–713):
/// above CP, W′bal falls by (P − CP) per second; below CP it recovers towards W′ as
/// W′bal(t) = W′ − (W′ − W′bal₀) · e^(−(CP − P)·t / W′).
/// Chosen over the 2012 integral form (τ = 546·e^(−0.01·DCP) + 316) because it agrees with the CP model that
/// defines W′ — constant P &gt; CP exhausts W′ exactly at t = W′ / (P − CP), where the integral form also
/// "recovers" during work above CP and never reaches zero — and because it is causal: the integral's τ needs
/// the whole ride's mean sub-CP power before the first second can be scored. docs/analytics/metrics.md.
/// </summary>
public static class WPrimeBalance
{
    /// <summary>
    /// W′bal in joules at every row (the first row is W′). Each row's power holds over the interval ending
    /// there, integrated exactly; a missing reading and any pause count as 0 W — the athlete recovers while
    /// stopped. W′bal goes below zero when the athlete beats the CP model (CP or W′ are set too low).
    /// </summary>
    public static double[] Compute(double[] time, double[] power, double criticalPower, double wPrime)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(power);
        if (time.Length != power.Length)
        {
            throw new ArgumentException("Time and power need one value per row.", nameof(power));
        }

        if (!(criticalPower > 0) || !(wPrime > 0) || !double.IsFinite(criticalPower) || !double.IsFinite(wPrime))
        {
            throw new ArgumentOutOfRangeException(nameof(criticalPower), "CP and W′ are positive finite numbers.");
        }

        var balance = new double[time.Length];
        var w = wPrime;
        for (var i = 0; i < balance.Length; i++)
        {
            var dt = i == 0 ? 0 : time[i] - time[i - 1];
            if (dt > 0)
            {
                var p = double.IsFinite(power[i]) ? power[i] : 0;
                w = p > criticalPower
                    ? w - (p - criticalPower) * dt
                    : wPrime - (wPrime - w) * Math.Exp(-(criticalPower - p) * dt / wPrime);
            }

            balance[i] = w;
        }

        return balance;
    }
}
