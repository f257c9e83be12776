namespace Forma.Analytics.Curves;

/// <summary>The running best sums of one group of <see cref="MeanMaxScan.Group"/> consecutive durations.</summary>
internal sealed class DurationGroup(double[] prefix)
{
    private readonly double[] _runMax = new double[MeanMaxScan.Group];
    private int _d;

    public double[] Best { get; } = new double[MeanMaxScan.Group];
    public int[] BestStart { get; } = new int[MeanMaxScan.Group];

    private int N => prefix.Length - 1;

    /// <summary>
    /// Seeds durations d … d + Group − 1 from the best start of duration d − 1: the best window of d + j usually contains
    /// it, starting at most j + 1 seconds earlier. The starts only some durations of the group have (the last
    /// j) are evaluated here too, so the shared scan can stop where all durations have starts.
    /// </summary>
    public void Start(int d, int seed)
    {
        _d = d;
        for (var j = 0; j < MeanMaxScan.Group; j++)
        {
            var length = d + j;
            var lastStart = N - length;
            Best[j] = double.NegativeInfinity;
            var near = Math.Min(seed, lastStart);
            for (var i = Math.Max(0, near - j - 1); i <= near; i++)
            {
                Consider(j, i);
            }

            for (var i = Math.Max(0, N - (d + MeanMaxScan.Group - 1) + 1); i <= lastStart; i++)
            {
                Consider(j, i);
            }
        }
    }

    /// <summary>
    /// Whether a window starting in [b, e) can beat a best: each lies inside [b, e − 1 + d + j) and the prefix
    /// sums never decrease, so prefix[e − 1 + d + j] − prefix[b] bounds its sum (models.md §1.3).
    /// </summary>
    public bool MayImprove(int b, int e)
    {
        for (var j = 0; j < MeanMaxScan.Group; j++)
        {
            if (prefix[e - 1 + _d + j] - prefix[b] > Best[j])
            {
                return true;
            }
        }

        return false;
    }

    public void Scan(int from, int to)
    {
        MeanMaxScan.MaxDifferences(prefix, from, to, _d, _runMax);
        for (var j = 0; j < MeanMaxScan.Group; j++)
        {
            if (_runMax[j] > Best[j])
            {
                for (var i = from; i < to; i++)
                {
                    if (prefix[i + _d + j] - prefix[i] == _runMax[j])
                    {
                        Best[j] = _runMax[j];
                        BestStart[j] = i;
                        break;
                    }
                }
            }
        }
    }

    private void Consider(int j, int start)
    {
        var sum = prefix[start + _d + j] - prefix[start];
        if (sum > Best[j])
        {
            Best[j] = sum;
            BestStart[j] = start;
        }
    }
}
