namespace Forma.Analytics.Curves;

/// <summary>
/// Mean-maximal curves: for every duration from 1 s to the activity's length, the best average of a stream
/// over any window of that length. Definitions, gap handling and the pruning proof: docs/analytics/models.md §1.
/// </summary>
public static class MeanMax
{
    /// <summary>
    /// Resamples <paramref name="values"/> to 1 Hz on <paramref name="time"/> (seconds from start; see
    /// <see cref="OneHertz.Resample"/>), then computes the curve: result[k] is the best mean over k + 1 seconds.
    /// Gaps (NaN, or pauses longer than <see cref="OneHertz.MaxInterpolatedGapSeconds"/>) count as 0 — models.md §1.
    /// </summary>
    public static double[] Compute(double[] time, double[] values) => Compute(OneHertz.Resample(time, values));

    /// <summary>
    /// The curve of a stream already at 1 Hz; NaN counts as 0 (GoldenCheetah's convention for power, and
    /// conservative for every stream: a gap can lower a window's mean, never raise it). Exact up to
    /// floating-point rounding of prefix sums (docs/analytics/models.md §1).
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> oneHertz)
    {
        var n = oneHertz.Length;
        if (n == 0)
        {
            return [];
        }

        // Shifting every value by c shifts every window mean by c, so the scan can assume values ≥ 0, which
        // makes the prefix sums non-decreasing — the property the pruning bound rests on.
        var shift = 0.0;
        foreach (var v in oneHertz)
        {
            if (v < shift)
            {
                shift = v;
            }
        }

        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            var v = oneHertz[i];
            prefix[i + 1] = prefix[i] + (double.IsNaN(v) ? 0 : v) - shift;
        }

        var curve = MeanMaxScan.BestSums(prefix);
        for (var k = 0; k < n; k++)
        {
            curve[k] = curve[k] / (k + 1) + shift;
        }

        return curve;
    }
}
