using System.Numerics;
using System.Runtime.InteropServices;

namespace Forma.Analytics.Curves;

/// <summary>
/// The exact best window sum for every duration over non-decreasing prefix sums, single-threaded: a SIMD
/// scan of prefix differences, skipping blocks of window starts that provably cannot beat the best so far.
/// Proof of the bound: docs/analytics/models.md §1.3.
/// </summary>
internal static class MeanMaxScan
{
    /// <summary>Window starts per pruning block; the bound's slack is this many extra samples.</summary>
    internal const int FineBlock = 32;
    internal const int CoarseBlock = 1024;

    /// <summary>
    /// <paramref name="prefix"/> has n + 1 entries, prefix[0] = 0, and never decreases (values ≥ 0).
    /// Returns n sums: [d − 1] = max over i of prefix[i + d] − prefix[i].
    /// </summary>
    public static double[] BestSums(double[] prefix)
    {
        var n = prefix.Length - 1;
        var best = new double[n];
        var seed = 0;
        for (var d = 1; d <= n; d++)
        {
            var starts = n - d + 1;

            // The best window for d − 1 grown by one sample is usually close to the best for d: start there so
            // most blocks fail the bound.
            var bestStart = Math.Min(seed, starts - 1);
            var bestSum = prefix[bestStart + d] - prefix[bestStart];
            if (bestStart > 0 && prefix[bestStart - 1 + d] - prefix[bestStart - 1] > bestSum)
            {
                bestStart--;
                bestSum = prefix[bestStart + d] - prefix[bestStart];
            }

            for (var coarse = 0; coarse < starts; coarse += CoarseBlock)
            {
                var coarseEnd = Math.Min(coarse + CoarseBlock, starts);
                if (prefix[coarseEnd - 1 + d] - prefix[coarse] <= bestSum)
                {
                    continue;
                }

                // Unpruned fine blocks next to each other are scanned as one run: fewer reductions, and the
                // worst case (a flat stream, where no block can be pruned) stays one long SIMD loop.
                var b = coarse;
                while (b < coarseEnd)
                {
                    var runStart = b;
                    while (runStart < coarseEnd && Bound(prefix, runStart, coarseEnd, d) <= bestSum)
                    {
                        runStart += FineBlock;
                    }

                    var runEnd = runStart;
                    while (runEnd < coarseEnd && Bound(prefix, runEnd, coarseEnd, d) > bestSum)
                    {
                        runEnd += FineBlock;
                    }

                    runEnd = Math.Min(runEnd, coarseEnd);
                    b = runEnd;
                    if (runStart >= runEnd)
                    {
                        continue;
                    }

                    var runBest = MaxDifference(prefix, runStart, runEnd, d);
                    if (runBest > bestSum)
                    {
                        bestSum = runBest;
                        bestStart = IndexOf(prefix, runStart, runEnd, d, runBest);
                    }
                }
            }

            best[d - 1] = bestSum;
            seed = bestStart;
        }

        return best;
    }

    /// <summary>
    /// An upper bound on every window of length d starting in [b, min(b + FineBlock, limit)): each lies inside
    /// the window from b to the last start + d, and the prefix sums never decrease.
    /// </summary>
    private static double Bound(double[] prefix, int b, int limit, int d) =>
        prefix[Math.Min(b + FineBlock, limit) - 1 + d] - prefix[b];

    /// <summary>max over i in [from, to) of prefix[i + d] − prefix[i].</summary>
    internal static double MaxDifference(double[] prefix, int from, int to, int d)
    {
        ref var p = ref MemoryMarshal.GetArrayDataReference(prefix);
        var width = Vector<double>.Count;
        var max0 = new Vector<double>(double.NegativeInfinity);
        var max1 = max0;
        var i = from;
        for (; i + (2 * width) <= to; i += 2 * width)
        {
            var at = (nuint)i;
            max0 = Vector.Max(max0, Vector.LoadUnsafe(ref p, at + (nuint)d) - Vector.LoadUnsafe(ref p, at));
            at += (nuint)width;
            max1 = Vector.Max(max1, Vector.LoadUnsafe(ref p, at + (nuint)d) - Vector.LoadUnsafe(ref p, at));
        }

        max0 = Vector.Max(max0, max1);
        var max = double.NegativeInfinity;
        for (var lane = 0; lane < width; lane++)
        {
            max = Math.Max(max, max0[lane]);
        }

        for (; i < to; i++)
        {
            max = Math.Max(max, prefix[i + d] - prefix[i]);
        }

        return max;
    }

    private static int IndexOf(double[] prefix, int from, int to, int d, double sum)
    {
        for (var i = from; i < to; i++)
        {
            if (prefix[i + d] - prefix[i] == sum)
            {
                return i;
            }
        }

        return from;
    }
}
