namespace Forma.Analytics.Metrics;

/// <summary>Time-weighted averages and maxima of one stream over a range of rows (see <see cref="Recording"/>).</summary>
internal static class StreamStats
{
    /// <summary>
    /// Σ value·dt / Σ dt over recorded intervals whose value is finite (and non-zero when <paramref name="skipZeros"/>:
    /// cadence, where coasting is not a cadence, as Garmin and TrainingPeaks average it); null when no time qualifies.
    /// </summary>
    public static double? Mean(double[] time, double[]? values, int from, int to, bool skipZeros = false)
    {
        if (values is null)
        {
            return null;
        }

        double sum = 0, seconds = 0;
        for (var i = from + 1; i < to; i++)
        {
            var v = values[i];
            var dt = Recording.Dt(time, i);
            if (dt > 0 && double.IsFinite(v) && !(skipZeros && v == 0))
            {
                sum += v * dt;
                seconds += dt;
            }
        }

        return seconds > 0 ? sum / seconds : null;
    }

    /// <summary>Σ value·dt over recorded intervals with a finite value (work in joules from watts).</summary>
    public static double? Integral(double[] time, double[]? values, int from, int to)
    {
        if (values is null)
        {
            return null;
        }

        double sum = 0;
        var any = false;
        for (var i = from + 1; i < to; i++)
        {
            var dt = Recording.Dt(time, i);
            if (dt > 0 && double.IsFinite(values[i]))
            {
                sum += values[i] * dt;
                any = true;
            }
        }

        return any ? sum : null;
    }

    /// <summary>The largest finite value in the range (every row, not time-weighted); null when none.</summary>
    public static double? Max(double[]? values, int from, int to)
    {
        if (values is null)
        {
            return null;
        }

        var max = double.NegativeInfinity;
        for (var i = from; i < to; i++)
        {
            if (values[i] > max)
            {
                max = values[i];
            }
        }

        return double.IsNegativeInfinity(max) ? null : max;
    }

    /// <summary>Last finite value minus first finite value in the range (a cumulative stream's share); null when none.</summary>
    public static double? Span(double[]? values, int from, int to)
    {
        if (values is null)
        {
            return null;
        }

        int first = from, last = to - 1;
        while (first < to && !double.IsFinite(values[first]))
        {
            first++;
        }

        while (last > first && !double.IsFinite(values[last]))
        {
            last--;
        }

        return first < to ? values[last] - values[first] : null;
    }
}
