namespace Forma.Analytics.Models;

/// <summary>
/// Time to exhaustion and sustainable power from a critical-power fit (docs/analytics/models.md §3.5). The range
/// moves CP across its confidence interval with W′ held; each method has an overload with <c>out string? whyMissing</c>.
/// </summary>
public static class PowerPredictor
{
    /// <summary>The model's domain ends here: beyond about an hour, fatigue the model ignores dominates (Jones et al. 2010).</summary>
    public const double MaxModelSeconds = 3600;

    public static Prediction? Duration(CriticalPowerFit fit, double watts) => Duration(fit, watts, out _);

    /// <summary>
    /// t = W′/(P − CP) (2-parameter) or t = W′/(P − CP) − W′/(Pmax − CP) (Morton's 3-parameter), for CP &lt; P
    /// (and P &lt; Pmax) and t up to an hour.
    /// </summary>
    public static Prediction? Duration(CriticalPowerFit fit, double watts, out string? whyMissing)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var tau = fit.TimeOffsetSeconds;
        double At(double cp) => watts > cp ? (fit.WPrime / (watts - cp)) - tau : double.PositiveInfinity;
        var seconds = At(fit.CriticalPower);
        if (!(watts > fit.CriticalPower) || seconds > MaxModelSeconds)
        {
            whyMissing = "At or just above critical power the model predicts no exhaustion within its domain of about an hour.";
            return null;
        }

        if (fit.MaxPower is { } pmax && watts >= pmax)
        {
            whyMissing = "The power is at or above the model's maximal power: it cannot be held for any time.";
            return null;
        }

        whyMissing = null;
        return new Prediction(
            fit.Model, 0, seconds, Math.Max(0, At(fit.CriticalPowerLow)), Math.Min(MaxModelSeconds, At(fit.CriticalPowerHigh)),
            Inputs(fit, watts),
            $"Time to exhaustion at {RaceBests.Number(watts, "0")} W from the {fit.Model} model " +
            $"(CP {RaceBests.Number(fit.CriticalPower, "0")} W, W′ {RaceBests.Number(fit.WPrime / 1000, "0.0")} kJ); range from CP's 95 % interval.");
    }

    public static Prediction? Power(CriticalPowerFit fit, double seconds) => Power(fit, seconds, out _);

    /// <summary>P = CP + W′/t (2-parameter) or CP + W′/(t + W′/(Pmax − CP)) (3-parameter), for 0 &lt; t ≤ 1 h.</summary>
    public static Prediction? Power(CriticalPowerFit fit, double seconds, out string? whyMissing)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (!(seconds > 0 && seconds <= MaxModelSeconds))
        {
            whyMissing = "A power prediction needs a duration above zero and up to an hour, the critical-power model's domain.";
            return null;
        }

        var tau = fit.TimeOffsetSeconds;
        double At(double cp) => cp + (fit.WPrime / (seconds + tau));
        whyMissing = null;
        return new Prediction(
            fit.Model, 0, seconds, seconds, seconds, Inputs(fit, null),
            $"Power for {RaceBests.Clock(seconds)} from the {fit.Model} model " +
            $"(CP {RaceBests.Number(fit.CriticalPower, "0")} W, W′ {RaceBests.Number(fit.WPrime / 1000, "0.0")} kJ); range from CP's 95 % interval.")
        {
            Watts = At(fit.CriticalPower),
            LowWatts = At(fit.CriticalPowerLow),
            HighWatts = At(fit.CriticalPowerHigh),
        };
    }

    private static Dictionary<string, double> Inputs(CriticalPowerFit fit, double? watts)
    {
        var inputs = new Dictionary<string, double>
        {
            ["criticalPower"] = fit.CriticalPower,
            ["wPrime"] = fit.WPrime,
            ["criticalPowerLow"] = fit.CriticalPowerLow,
            ["criticalPowerHigh"] = fit.CriticalPowerHigh,
        };
        if (fit.MaxPower is { } pmax)
        {
            inputs["maxPower"] = pmax;
        }

        if (watts is { } w)
        {
            inputs["watts"] = w;
        }

        return inputs;
    }
}
