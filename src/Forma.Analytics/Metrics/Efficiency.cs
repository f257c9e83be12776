namespace Forma.Analytics.Metrics;

/// <summary>
/// Efficiency factor and aerobic decoupling (Friel, "Aerobic endurance and decoupling", TrainingPeaks; Pw:HR and
/// Pa:HR). EF = output / average heart rate, output being NP (average power under 30 s) for power, or normalized
/// graded speed (m/s) for runs. Decoupling = (EF first half − EF second half) / EF first half × 100, halves split
/// at half the recorded time. docs/analytics/metrics.md.
/// </summary>
internal static class Efficiency
{
    public static double? Factor(Columns c, int from, int to) =>
        Factor(c, from, to, StreamStats.Mean(c.Time, c.HeartRate, from, to), null, null);

    /// <summary>EF from figures the caller already has (the whole activity's NP, NGS and average HR).</summary>
    public static double? Factor(Columns c, int from, int to, double? heartRate, double? np, double? ngs)
    {
        if (heartRate is not { } hr || hr <= 0)
        {
            return null;
        }

        var output = c.Sport == SportKind.Run ? ngs ?? c.NormalizedGradedSpeed(from, to) : null;
        output ??= np ?? NormalizedPower.Compute(c.Time, c.Power, from, to) ?? StreamStats.Mean(c.Time, c.Power, from, to);
        return output is { } o ? o / hr : null;
    }

    public static double? Decoupling(Columns c, int from, int to)
    {
        var half = Recording.Seconds(c.Time, from, to) / 2;
        if (half == 0)
        {
            return null;
        }

        var mid = from;
        for (var seconds = 0.0; mid + 1 < to && seconds < half; mid++)
        {
            seconds += Recording.Dt(c.Time, mid + 1);
        }

        return Factor(c, from, mid + 1) is > 0 and var first && Factor(c, mid, to) is { } second
            ? (first - second) / first * 100
            : null;
    }
}
