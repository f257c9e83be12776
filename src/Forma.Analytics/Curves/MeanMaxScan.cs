using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Forma.Analytics.Curves;

/// <summary>
/// The exact best window sum for every duration over non-decreasing prefix sums, single-threaded: a SIMD scan of
/// prefix differences for <see cref="Group"/> consecutive durations at once, skipping blocks of window starts that
/// provably cannot beat the best so far. Algorithm and proof of the bound: docs/analytics/models.md §1.3.
/// </summary>
internal static class MeanMaxScan
{
    /// <summary>Durations scanned together: one load of prefix[i] serves all, and their prefix[i + d + j] share cache lines.</summary>
    internal const int Group = 8;

    /// <summary>Window starts per pruning block; the fine bound's slack is this many extra samples.</summary>
    internal const int FineBlock = 32;
    internal const int CoarseBlock = 1024;

    /// <summary>
    /// <paramref name="prefix"/> has n + 1 entries, prefix[0] = 0, and never decreases (values ≥ 0).
    /// Returns n sums: [d − 1] = max over i of prefix[i + d] − prefix[i].
    /// </summary>
    public static double[] BestSums(double[] prefix)
    {
        var n = prefix.Length - 1;
        var result = new double[n];
        var group = new DurationGroup(prefix);
        var seed = 0;
        var d = 1;
        for (; d + Group - 1 <= n; d += Group)
        {
            group.Start(d, seed);
            ScanBlocks(group, n - (d + Group - 1) + 1);
            for (var j = 0; j < Group; j++)
            {
                result[d + j - 1] = group.Best[j];
            }

            seed = group.BestStart[Group - 1];
        }

        // The last few durations have at most Group − 1 starts each.
        for (; d <= n; d++)
        {
            result[d - 1] = double.NegativeInfinity;
            for (var i = 0; i + d <= n; i++)
            {
                result[d - 1] = Math.Max(result[d - 1], prefix[i + d] - prefix[i]);
            }
        }

        return result;
    }

    /// <summary>Starts [0, <paramref name="common"/>) are valid for every duration of the group.</summary>
    private static void ScanBlocks(DurationGroup group, int common)
    {
        for (var coarse = 0; coarse < common; coarse += CoarseBlock)
        {
            var coarseEnd = Math.Min(coarse + CoarseBlock, common);
            if (!group.MayImprove(coarse, coarseEnd))
            {
                continue;
            }

            // Unpruned fine blocks next to each other are scanned as one run: the worst case (a flat stream,
            // where no block can be pruned) stays one long SIMD loop.
            var b = coarse;
            while (b < coarseEnd)
            {
                var runStart = b;
                while (runStart < coarseEnd && !group.MayImprove(runStart, Math.Min(runStart + FineBlock, coarseEnd)))
                {
                    runStart += FineBlock;
                }

                var runEnd = runStart;
                while (runEnd < coarseEnd && group.MayImprove(runEnd, Math.Min(runEnd + FineBlock, coarseEnd)))
                {
                    runEnd += FineBlock;
                }

                runEnd = Math.Min(runEnd, coarseEnd);
                b = runEnd;
                if (runStart < runEnd)
                {
                    group.Scan(runStart, runEnd);
                }
            }
        }
    }

    /// <summary>max over i in [from, to) of prefix[i + d + j] − prefix[i], for j = 0 … 7, into <paramref name="max"/>.</summary>
    internal static void MaxDifferences(double[] prefix, int from, int to, int d, Span<double> max)
    {
        var i = MaxDifferences256(prefix, from, to, d, max);
        for (; i < to; i++)
        {
            for (var j = 0; j < Group; j++)
            {
                max[j] = Math.Max(max[j], prefix[i + d + j] - prefix[i]);
            }
        }
    }

    /// <summary>
    /// The vector part; returns where the scalar tail starts. Eight durations give eight independent max chains
    /// (enough to hide the instruction's latency) and nine loads per eight results. MaxNative is the hardware
    /// instruction: the IEEE maximum of <c>Max</c> costs extra instructions for NaN and −0, which prefix sums never hold.
    /// </summary>
    private static int MaxDifferences256(double[] prefix, int from, int to, int d, Span<double> max)
    {
        ref var p = ref MemoryMarshal.GetArrayDataReference(prefix);
        var m0 = Vector256.Create(double.NegativeInfinity);
        Vector256<double> m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0;
        var i = from;
        for (; i + Vector256<double>.Count <= to; i += Vector256<double>.Count)
        {
            var at = (nuint)i;
            var lo = Vector256.LoadUnsafe(ref p, at);
            var hi = at + (nuint)d;
            m0 = Vector256.MaxNative(m0, Vector256.LoadUnsafe(ref p, hi) - lo);
            m1 = Vector256.MaxNative(m1, Vector256.LoadUnsafe(ref p, hi + 1) - lo);
            m2 = Vector256.MaxNative(m2, Vector256.LoadUnsafe(ref p, hi + 2) - lo);
            m3 = Vector256.MaxNative(m3, Vector256.LoadUnsafe(ref p, hi + 3) - lo);
            m4 = Vector256.MaxNative(m4, Vector256.LoadUnsafe(ref p, hi + 4) - lo);
            m5 = Vector256.MaxNative(m5, Vector256.LoadUnsafe(ref p, hi + 5) - lo);
            m6 = Vector256.MaxNative(m6, Vector256.LoadUnsafe(ref p, hi + 6) - lo);
            m7 = Vector256.MaxNative(m7, Vector256.LoadUnsafe(ref p, hi + 7) - lo);
        }

        max[0] = Horizontal(m0);
        max[1] = Horizontal(m1);
        max[2] = Horizontal(m2);
        max[3] = Horizontal(m3);
        max[4] = Horizontal(m4);
        max[5] = Horizontal(m5);
        max[6] = Horizontal(m6);
        max[7] = Horizontal(m7);
        return i;
    }

    private static double Horizontal(Vector256<double> v) => Math.Max(Math.Max(v[0], v[1]), Math.Max(v[2], v[3]));
}
