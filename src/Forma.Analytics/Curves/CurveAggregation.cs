using System.Numerics;

namespace Forma.Analytics.Curves;

/// <summary>Season or date-range bests from per-activity curves (docs/analytics/models.md §1.4).</summary>
public static class CurveAggregation
{
    /// <summary>
    /// Per duration the highest value over the curves long enough to have it; the result is as long as the
    /// longest curve. NaN entries never win. Ties keep the earliest curve, so a caller that orders curves by
    /// date gets the first time a best was set.
    /// </summary>
    public static AggregateCurve Best(IReadOnlyList<double[]> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var length = 0;
        foreach (var curve in curves)
        {
            length = Math.Max(length, curve.Length);
        }

        var values = new double[length];
        Array.Fill(values, double.NegativeInfinity);
        var sources = new long[length];
        Array.Fill(sources, -1L);
        for (var c = 0; c < curves.Count; c++)
        {
            Merge(values, sources, curves[c], c);
        }

        var index = new int[length];
        for (var k = 0; k < length; k++)
        {
            index[k] = (int)sources[k];
            if (sources[k] < 0)
            {
                values[k] = double.NaN;
            }
        }

        return new AggregateCurve(values, index);
    }

    /// <summary>
    /// One curve into the running best. The source index travels in a long lane beside each double lane so a
    /// single compare mask selects both.
    /// </summary>
    private static void Merge(double[] values, long[] sources, double[] curve, int source)
    {
        var width = Vector<double>.Count;
        var id = new Vector<long>(source);
        var k = 0;
        for (; k + width <= curve.Length; k += width)
        {
            var candidate = new Vector<double>(curve, k);
            var current = new Vector<double>(values, k);

            // NaN compares false, so a NaN candidate never replaces anything.
            var better = Vector.GreaterThan(candidate, current);
            if (better == Vector<long>.Zero)
            {
                continue;
            }

            Vector.ConditionalSelect(better, candidate, current).CopyTo(values, k);
            Vector.ConditionalSelect(better, id, new Vector<long>(sources, k)).CopyTo(sources, k);
        }

        for (; k < curve.Length; k++)
        {
            if (curve[k] > values[k])
            {
                values[k] = curve[k];
                sources[k] = source;
            }
        }
    }
}
