namespace Forma.Analytics.Models;

/// <summary>
/// Critical power and W′ from best efforts (docs/analytics/models.md §3). Each method has an overload with
/// <c>out string? whyMissing</c>: null exactly when a fit is returned, otherwise a sentence for the API to show.
/// </summary>
public static partial class CriticalPowerModels
{
    public const string TwoParameterModel = "2-parameter";
    public const string ThreeParameterModel = "3-parameter";

    /// <summary>Efforts the 2-parameter model uses: 2–20 min, where the work–time relation is linear (Hill 1993).</summary>
    public const double TwoParameterMinSeconds = 120, TwoParameterMaxSeconds = 1200;

    /// <summary>Efforts the 3-parameter model uses: 10 s–30 min; shorter ones are neuromuscular, not metabolic.</summary>
    public const double ThreeParameterMinSeconds = 10, ThreeParameterMaxSeconds = 1800;

    public static CriticalPowerFit? TwoParameter(IReadOnlyList<(double Seconds, double Watts)> efforts) =>
        TwoParameter(efforts, out _);

    /// <summary>
    /// Monod &amp; Scherrer's linear work–time model W = CP·t + W′ by least squares over the efforts of 2–20 min
    /// (docs/analytics/models.md §3.1); needs two distinct durations there.
    /// </summary>
    public static CriticalPowerFit? TwoParameter(IReadOnlyList<(double Seconds, double Watts)> efforts, out string? whyMissing)
    {
        var usable = Usable(efforts, TwoParameterMinSeconds, TwoParameterMaxSeconds);
        if (DistinctDurations(usable) < 2)
        {
            whyMissing = "The 2-parameter model needs best efforts at two or more different durations between 2 and 20 minutes.";
            return null;
        }

        var t = usable.Select(e => e.Seconds).ToArray();
        var work = usable.Select(e => e.Seconds * e.Watts).ToArray();
        var fit = LinearFit.Of(t, work);
        if (fit.Slope <= 0 || fit.Intercept <= 0)
        {
            whyMissing = "The efforts do not fall with duration the way the model needs (the fit gives CP or W′ ≤ 0): use maximal efforts.";
            return null;
        }

        var halfWidth = usable.Count > 2 ? StudentT.Quantile975(usable.Count - 2) * fit.SlopeStandardError(2) : 0;
        whyMissing = null;
        return Build(TwoParameterModel, fit.Slope, fit.Intercept, null, usable, halfWidth);
    }

    public static CriticalPowerFit? ThreeParameter(IReadOnlyList<(double Seconds, double Watts)> efforts) =>
        ThreeParameter(efforts, out _);

    /// <summary>
    /// Morton's (1996) 3-parameter model t = W′/(P − CP) − W′/(Pmax − CP), i.e. P(t) = CP + W′/(t + τ) with
    /// τ = W′/(Pmax − CP), by least squares on power: golden-section over τ, linear solve for CP and W′ at each τ
    /// (docs/analytics/models.md §3.2). Needs three distinct durations in 10 s–30 min, one under 2 min and one of 5 min or more.
    /// </summary>
    public static CriticalPowerFit? ThreeParameter(IReadOnlyList<(double Seconds, double Watts)> efforts, out string? whyMissing)
    {
        var usable = Usable(efforts, ThreeParameterMinSeconds, ThreeParameterMaxSeconds);
        if (DistinctDurations(usable) < 3 || !usable.Any(e => e.Seconds < 120) || !usable.Any(e => e.Seconds >= 300))
        {
            whyMissing = "The 3-parameter model needs best efforts at three or more durations between 10 seconds and 30 minutes, at least one under 2 minutes and one of 5 minutes or more.";
            return null;
        }

        var fit = MortonFit.Fit(usable);
        if (fit is null)
        {
            whyMissing = "The efforts do not fit Morton's curve with CP, W′ and Pmax above zero: use maximal efforts.";
            return null;
        }

        var (cp, wPrime, tau, cpStandardError) = fit.Value;
        var halfWidth = usable.Count > 3 ? StudentT.Quantile975(usable.Count - 3) * cpStandardError : 0;
        whyMissing = null;
        return Build(ThreeParameterModel, cp, wPrime, cp + (wPrime / tau), usable, halfWidth);
    }

    private static List<(double Seconds, double Watts)> Usable(
        IReadOnlyList<(double Seconds, double Watts)> efforts, double minSeconds, double maxSeconds)
    {
        ArgumentNullException.ThrowIfNull(efforts);
        return [.. efforts.Where(e => e.Seconds >= minSeconds && e.Seconds <= maxSeconds && double.IsFinite(e.Watts) && e.Watts > 0)];
    }

    private static int DistinctDurations(List<(double Seconds, double Watts)> efforts) =>
        efforts.Select(e => e.Seconds).Distinct().Count();

    private static CriticalPowerFit Build(
        string model, double cp, double wPrime, double? pmax, List<(double Seconds, double Watts)> efforts, double halfWidth)
    {
        var tau = pmax is { } p ? wPrime / (p - cp) : 0;
        var mean = efforts.Average(e => e.Watts);
        double residual = 0, total = 0;
        foreach (var (seconds, watts) in efforts)
        {
            var predicted = cp + (wPrime / (seconds + tau));
            residual += (watts - predicted) * (watts - predicted);
            total += (watts - mean) * (watts - mean);
        }

        var rSquared = total > 0 ? 1 - (residual / total) : 1;
        var width = double.IsFinite(halfWidth) ? halfWidth : 0;
        return new CriticalPowerFit(model, cp, wPrime, pmax, rSquared, cp - width, cp + width, efforts.Count);
    }
}
