namespace Forma.Analytics.Models;

/// <summary>
/// Daniels &amp; Gilbert's (1979) VDOT: the VO2max a race performance implies through the oxygen cost of running
/// at its speed and the fraction of VO2max sustainable for its duration (docs/analytics/models.md §5).
/// </summary>
public static class Vdot
{
    /// <summary>VDOT of <paramref name="metres"/> run in <paramref name="seconds"/>: VO2(v) / %max(t), v in m/min, t in min.</summary>
    public static double FromRace(double metres, double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(metres);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        var minutes = seconds / 60;
        return OxygenCost(metres / minutes) / FractionOfMax(minutes);
    }

    /// <summary>Oxygen cost of running in ml·kg⁻¹·min⁻¹ at <paramref name="metresPerMinute"/>: −4.60 + 0.182258·v + 0.000104·v².</summary>
    public static double OxygenCost(double metresPerMinute) =>
        -4.60 + (0.182258 * metresPerMinute) + (0.000104 * metresPerMinute * metresPerMinute);

    /// <summary>Fraction of VO2max sustainable for <paramref name="minutes"/>: 0.8 + 0.1894393·e^(−0.012778·t) + 0.2989558·e^(−0.1932605·t).</summary>
    public static double FractionOfMax(double minutes) =>
        0.8 + (0.1894393 * Math.Exp(-0.012778 * minutes)) + (0.2989558 * Math.Exp(-0.1932605 * minutes));

    /// <summary>
    /// The race time at which <see cref="FromRace"/> equals <paramref name="vdot"/>: VDOT falls monotonically with
    /// time at a fixed distance, so bisection on log time between 1 s and a 30 m/min walk (where the oxygen cost
    /// reaches zero) converges to a unique root.
    /// </summary>
    public static double PredictSeconds(double vdot, double metres)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(metres);
        var lo = Math.Log(1.0);
        var hi = Math.Log(metres / 30 * 60);
        if (!(vdot > FromRace(metres, Math.Exp(hi)) && vdot < FromRace(metres, Math.Exp(lo))))
        {
            throw new ArgumentOutOfRangeException(nameof(vdot), vdot, "No race time at this distance gives that VDOT.");
        }

        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (FromRace(metres, Math.Exp(mid)) > vdot)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Exp((lo + hi) / 2);
    }
}
