namespace Forma.Analytics.Metrics;

/// <summary>
/// Gradient-adjusted running after Minetti et al. 2002 ("Energy cost of walking and running at extreme uphill and
/// downhill slopes", J Appl Physiol 93:1039–1046): the cost of running on gradient i (rise/run),
/// C(i) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6 J·kg⁻¹·m⁻¹, fitted over −0.45 ≤ i ≤ 0.45.
/// A metre at gradient i is worth C(i)/C(0) flat metres. docs/analytics/metrics.md.
/// </summary>
internal static class GradedSpeed
{
    /// <summary>Gradients are measured over at least this much horizontal distance; per-second altitude noise would swamp them.</summary>
    public const double SegmentMetres = 50;

    /// <summary>Minetti's measured range; the polynomial is not extrapolated beyond it.</summary>
    public const double MaxGradient = 0.45;

    public static double Cost(double gradient)
    {
        var i = Math.Clamp(gradient, -MaxGradient, MaxGradient);
        return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + 3.6;
    }

    /// <summary>
    /// Flat-equivalent metres in the range: distance split into segments of at least <see cref="SegmentMetres"/>
    /// between rows that have both distance and altitude, each weighted by C(gradient)/C(0); the last, shorter
    /// segment counts with its own gradient. Without altitude every metre counts as flat. Null without distance.
    /// </summary>
    public static double? GradedDistance(double[]? distance, double[]? altitude, int from, int to)
    {
        if (distance is null)
        {
            return null;
        }

        var start = -1;
        double graded = 0;
        var last = -1;
        for (var i = from; i < to; i++)
        {
            if (!double.IsFinite(distance[i]) || (altitude is not null && !double.IsFinite(altitude[i])))
            {
                continue;
            }

            last = i;
            if (start < 0)
            {
                start = i;
            }
            else if (distance[i] - distance[start] >= SegmentMetres)
            {
                graded += Segment(distance, altitude, start, i);
                start = i;
            }
        }

        if (start < 0)
        {
            return StreamStats.Span(distance, from, to);
        }

        return graded + (last > start ? Segment(distance, altitude, start, last) : 0);
    }

    private static double Segment(double[] distance, double[]? altitude, int a, int b)
    {
        var run = distance[b] - distance[a];
        if (altitude is null || run <= 0)
        {
            return run;
        }

        return run * Cost((altitude[b] - altitude[a]) / run) / Cost(0);
    }
}
