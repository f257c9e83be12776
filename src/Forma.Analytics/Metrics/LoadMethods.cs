namespace Forma.Analytics.Metrics;

/// <summary>The names of the scores <see cref="ActivityMetricsResult.Load"/> can hold, in order of preference.</summary>
public static class LoadMethods
{
    public const string PowerTss = "power-tss";
    public const string RunningTss = "running-tss";
    public const string SwimTss = "swim-tss";
    public const string HeartRateTss = "heart-rate-tss";
    public const string Trimp = "trimp";

    /// <summary>
    /// The first score the activity has: power TSS (power + FTP) measures the work itself; rTSS and swim TSS
    /// measure pace against threshold; hrTSS and TRIMP read the heart's response, the last resort.
    /// </summary>
    internal static (double? Load, string? Method) Choose(ActivityMetricsResult m) =>
        m.Tss is { } tss ? (tss, PowerTss)
        : m.RunningTss is { } rtss ? (rtss, RunningTss)
        : m.SwimTss is { } stss ? (stss, SwimTss)
        : m.HeartRateTss is { } hr ? (hr, HeartRateTss)
        : m.Trimp is { } trimp ? (trimp, Trimp)
        : (null, null);
}
