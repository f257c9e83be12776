namespace Forma.Analytics.Models;

/// <summary>Critical power from a mean-max power curve, and eFTP (docs/analytics/models.md §3.3).</summary>
public static partial class CriticalPowerModels
{
    /// <summary>Durations <see cref="FromCurve(double[])"/> reads from a mean-max curve: 3, 5, 12 and 20 min.</summary>
    public static IReadOnlyList<int> TwoParameterCurveSeconds { get; } = [180, 300, 720, 1200];

    /// <summary>Durations <see cref="ThreeParameterFromCurve(double[])"/> reads: 15 s to 20 min.</summary>
    public static IReadOnlyList<int> ThreeParameterCurveSeconds { get; } = [15, 30, 60, 120, 180, 300, 480, 720, 1200];

    /// <summary>Fraction of the best 20 min that <see cref="EstimatedFtp(double[])"/> falls back to (Allen &amp; Coggan).</summary>
    public const double TwentyMinuteFtpFactor = 0.95;

    public static CriticalPowerFit? FromCurve(double[] meanMaxPower) => FromCurve(meanMaxPower, out _);

    /// <summary>
    /// The 2-parameter fit on the mean-max curve's values at 3, 5, 12 and 20 min (those the curve reaches).
    /// A curve of one ride rarely holds maximal efforts: pass an aggregate, e.g. the last 90 days' best (models.md §3.3).
    /// </summary>
    public static CriticalPowerFit? FromCurve(double[] meanMaxPower, out string? whyMissing) =>
        TwoParameter(Pick(meanMaxPower, TwoParameterCurveSeconds), out whyMissing);

    public static CriticalPowerFit? ThreeParameterFromCurve(double[] meanMaxPower) => ThreeParameterFromCurve(meanMaxPower, out _);

    /// <summary>The 3-parameter fit on the curve at 15 s, 30 s, 1, 2, 3, 5, 8, 12 and 20 min (models.md §3.3).</summary>
    public static CriticalPowerFit? ThreeParameterFromCurve(double[] meanMaxPower, out string? whyMissing) =>
        ThreeParameter(Pick(meanMaxPower, ThreeParameterCurveSeconds), out whyMissing);

    public static double? EstimatedFtp(double[] meanMaxPower) => EstimatedFtp(meanMaxPower, out _);

    /// <summary>
    /// eFTP: CP of <see cref="FromCurve(double[])"/>; without a fit, 95 % of the best 20 min (Allen &amp; Coggan's
    /// field test); without 20 minutes of data, none (docs/analytics/models.md §3.3).
    /// </summary>
    public static double? EstimatedFtp(double[] meanMaxPower, out string? whyMissing)
    {
        ArgumentNullException.ThrowIfNull(meanMaxPower);
        if (FromCurve(meanMaxPower, out _) is { } fit)
        {
            whyMissing = null;
            return fit.CriticalPower;
        }

        if (meanMaxPower.Length >= 1200 && meanMaxPower[1199] > 0)
        {
            whyMissing = null;
            return TwentyMinuteFtpFactor * meanMaxPower[1199];
        }

        whyMissing = "An FTP estimate needs a power curve of at least 20 minutes.";
        return null;
    }

    private static (double Seconds, double Watts)[] Pick(double[] curve, IReadOnlyList<int> seconds)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return [.. seconds.Where(s => s <= curve.Length).Select(s => ((double)s, curve[s - 1]))];
    }
}
