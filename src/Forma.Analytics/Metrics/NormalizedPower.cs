namespace Forma.Analytics.Metrics;

/// <summary>
/// Coggan's Normalized Power (Allen &amp; Coggan, <i>Training and Racing with a Power Meter</i>, 2010): power
/// resampled to 1 Hz, a 30 s rolling mean, the mean of its fourth powers, the fourth root. docs/analytics/metrics.md.
/// </summary>
internal static class NormalizedPower
{
    public const int WindowSeconds = 30;

    /// <summary>
    /// NP over the range, or null with under 30 s of recorded time. Resampling: each row's power holds over
    /// the interval it ends, each 1 Hz bin is the time-weighted mean over its second, on the recorded-time axis
    /// (pauses longer than <see cref="Recording.MaxGapSeconds"/> are cut out, not filled with zeros — the
    /// rider was not riding). A missing reading while recording counts 0 W (a dropout is usually coasting;
    /// the rolling window cannot skip a second). Streams in one pass, no allocation.
    /// </summary>
    public static double? Compute(double[] time, double[]? power, int from, int to)
    {
        if (power is null)
        {
            return null;
        }

        Span<double> window = stackalloc double[WindowSeconds];
        window.Clear();
        double clock = 0, binEnd = 1, binWork = 0, rolling = 0, sumFourth = 0;
        long full = 0;
        var slot = 0;
        for (var i = from + 1; i < to; i++)
        {
            var dt = Recording.Dt(time, i);
            if (dt == 0)
            {
                continue;
            }

            var p = double.IsFinite(power[i]) ? power[i] : 0;
            var end = clock + dt;
            while (end >= binEnd)
            {
                binWork += p * (binEnd - clock);
                clock = binEnd;
                binEnd += 1;
                rolling += binWork - window[slot];
                window[slot] = binWork;
                binWork = 0;
                slot = slot == WindowSeconds - 1 ? 0 : slot + 1;
                if (full > 0 || slot == 0)
                {
                    var mean = rolling / WindowSeconds;
                    sumFourth += mean * mean * mean * mean;
                    full++;
                }
            }

            binWork += p * (end - clock);
            clock = end;
        }

        return full > 0 ? Math.Pow(sumFourth / full, 0.25) : null;
    }

    /// <summary>Coggan's Training Stress Score: (s · NP · IF) / (FTP · 3600) · 100 with IF = NP / FTP.</summary>
    public static double Tss(double seconds, double np, double ftp) => seconds * np * (np / ftp) / (ftp * 3600) * 100;
}
