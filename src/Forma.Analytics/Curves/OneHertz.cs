namespace Forma.Analytics.Curves;

/// <summary>Resampling of an irregular stream onto whole seconds (docs/analytics/models.md §1).</summary>
public static class OneHertz
{
    /// <summary>
    /// Two valid samples at most this far apart are joined by linear interpolation (smart recording writes a
    /// sample every 1–8 s); a longer gap is a pause and its seconds count as gaps.
    /// </summary>
    public const double MaxInterpolatedGapSeconds = 10;

    /// <summary>
    /// One value per whole second from the first sample's time to the last one's: second k is time t₀ + k.
    /// Samples with a NaN time or a time not after the previous sample's are ignored. Seconds that no valid
    /// pair of samples covers are NaN.
    /// </summary>
    public static double[] Resample(double[] time, double[] values)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(values);
        if (time.Length != values.Length)
        {
            throw new ArgumentException("Time and values have one entry per sample.", nameof(values));
        }

        var first = Array.FindIndex(time, double.IsFinite);
        if (first < 0)
        {
            return [];
        }

        var t0 = time[first];
        var last = Array.FindLastIndex(time, double.IsFinite);
        var result = new double[(int)Math.Floor(time[last] - t0) + 1];
        Array.Fill(result, double.NaN);

        result[0] = values[first];
        var previous = first;
        for (var i = first + 1; i <= last; i++)
        {
            if (!double.IsFinite(time[i]) || time[i] <= time[previous])
            {
                continue;
            }

            Fill(result, time[previous] - t0, values[previous], time[i] - t0, values[i]);
            previous = i;
        }

        return result;
    }

    /// <summary>Seconds from <paramref name="ta"/> to <paramref name="tb"/> inclusive; only values, never NaN, are written.</summary>
    private static void Fill(double[] result, double ta, double va, double tb, double vb)
    {
        var joined = !double.IsNaN(va) && !double.IsNaN(vb) && tb - ta <= MaxInterpolatedGapSeconds;
        var lastSecond = Math.Min((int)Math.Floor(tb), result.Length - 1);
        for (var s = (int)Math.Ceiling(ta); s <= lastSecond; s++)
        {
            if (joined)
            {
                result[s] = va + ((vb - va) * (s - ta) / (tb - ta));
            }
            else if (s == ta && !double.IsNaN(va))
            {
                result[s] = va;
            }
            else if (s == tb && !double.IsNaN(vb))
            {
                result[s] = vb;
            }
        }
    }
}
