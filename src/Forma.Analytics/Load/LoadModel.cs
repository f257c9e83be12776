namespace Forma.Analytics.Load;

/// <summary>The performance-management model over daily loads (TSS or any daily load score).</summary>
public static class LoadModel
{
    /// <summary>Below this chronic load (load units per day) the acute:chronic ratio is not reported: it divides by ≈ 0.</summary>
    public const double MinimumChronicLoad = 1.0;

    /// <summary>Days in Foster's monotony week and in the ramp rate's look-back.</summary>
    public const int WeekDays = 7;

    /// <summary>
    /// CTL and ATL as exponentially weighted averages in the impulse–response form GoldenCheetah uses:
    /// X_d = X_{d−1} + (load_d − X_{d−1})·(1 − e^(−1/τ)); TSB_d = CTL_{d−1} − ATL_{d−1};
    /// RampRate = CTL_d − CTL_{d−7}; Monotony = mean / population SD of the last 7 days (Foster 1998);
    /// Strain = 7-day load × monotony; ACWR = ATL_d / CTL_d. Every choice and its source: docs/analytics/models.md §2.
    /// Days before <paramref name="firstDay"/> are taken to have had CTL <paramref name="startCtl"/> and ATL
    /// <paramref name="startAtl"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A load is negative or not finite, or a time constant is below 1 day.</exception>
    public static DailyLoad[] Compute(
        DateOnly firstDay,
        ReadOnlySpan<double> dailyLoad,
        LoadModelOptions? options = null,
        double startCtl = 0,
        double startAtl = 0)
    {
        options ??= LoadModelOptions.Default;
        if (options.ChronicDays < 1 || options.AcuteDays < 1)
        {
            throw new ArgumentException("Time constants are whole days, at least one.", nameof(options));
        }

        var chronicGain = Gain(options.ChronicDays);
        var acuteGain = Gain(options.AcuteDays);
        var result = new DailyLoad[dailyLoad.Length];
        var ctlHistory = new double[dailyLoad.Length];
        double ctl = startCtl, atl = startAtl;
        for (var d = 0; d < dailyLoad.Length; d++)
        {
            var load = dailyLoad[d];
            if (!double.IsFinite(load) || load < 0)
            {
                throw new ArgumentException($"Day {d}: a daily load is a finite number ≥ 0.", nameof(dailyLoad));
            }

            var tsb = ctl - atl;
            ctl += (load - ctl) * chronicGain;
            atl += (load - atl) * acuteGain;
            ctlHistory[d] = ctl;
            var ctlWeekAgo = d >= WeekDays ? ctlHistory[d - WeekDays] : startCtl;
            var (monotony, strain) = d >= WeekDays - 1 ? Foster(dailyLoad.Slice(d - WeekDays + 1, WeekDays)) : (null, null);
            result[d] = new DailyLoad(
                firstDay.AddDays(d),
                load,
                ctl,
                atl,
                tsb,
                ctl - ctlWeekAgo,
                monotony,
                strain,
                ctl >= MinimumChronicLoad ? atl / ctl : null);
        }

        return result;
    }

    /// <summary>1 − e^(−1/τ): the exact daily decay of a continuous exponential with time constant τ days.</summary>
    public static double Gain(int timeConstantDays) => 1 - Math.Exp(-1.0 / timeConstantDays);

    /// <summary>Foster (1998): monotony = mean / SD of a week's daily loads (population SD); strain = week total × monotony.</summary>
    internal static (double? Monotony, double? Strain) Foster(ReadOnlySpan<double> week)
    {
        var sum = 0.0;
        foreach (var load in week)
        {
            sum += load;
        }

        var mean = sum / week.Length;
        var squares = 0.0;
        foreach (var load in week)
        {
            squares += (load - mean) * (load - mean);
        }

        var sd = Math.Sqrt(squares / week.Length);
        if (sd <= 1e-12 * Math.Max(1, mean))
        {
            return (null, null);
        }

        var monotony = mean / sd;
        return (monotony, sum * monotony);
    }
}
