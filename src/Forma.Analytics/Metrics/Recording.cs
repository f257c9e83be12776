namespace Forma.Analytics.Metrics;

/// <summary>
/// How rows become time. A value at row i describes the interval (t[i-1], t[i]] that ends there — what a
/// recorder writes when it logs a second's reading — so a range of rows [from, to) spans the intervals
/// from+1 … to-1 and its elapsed time is t[to-1] − t[from]. An interval longer than <see cref="MaxGapSeconds"/>
/// is a pause (auto-pause, the timer stopped, signal lost) and counts as recorded time for nothing.
/// </summary>
internal static class Recording
{
    /// <summary>
    /// Longest interval that still counts as recording. Garmin "smart recording" writes a point every
    /// 1–8 s while moving steadily; 10 s keeps all of those and drops stops written as gaps.
    /// </summary>
    public const double MaxGapSeconds = 10;

    /// <summary>The interval's length when it is recorded time, else 0 (a gap, a missing or backward time).</summary>
    public static double Dt(double[] time, int i)
    {
        var dt = time[i] - time[i - 1];
        return dt is > 0 and <= MaxGapSeconds ? dt : 0;
    }

    /// <summary>Seconds of recorded time in the range: the sum of its intervals that are not gaps.</summary>
    public static double Seconds(double[] time, int from, int to)
    {
        var total = 0.0;
        for (var i = from + 1; i < to; i++)
        {
            total += Dt(time, i);
        }

        return total;
    }

    /// <summary>Last finite time minus first finite time in the range; 0 when it has fewer than two.</summary>
    public static double Elapsed(double[] time, int from, int to)
    {
        var first = double.NaN;
        var last = double.NaN;
        for (var i = from; i < to; i++)
        {
            if (double.IsFinite(time[i]))
            {
                if (double.IsNaN(first))
                {
                    first = time[i];
                }

                last = time[i];
            }
        }

        return double.IsNaN(first) ? 0 : last - first;
    }
}
