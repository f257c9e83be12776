namespace Forma.Formats.Fit;

/// <summary>The profile's <c>wkt_step_duration</c>, <c>wkt_step_target</c> and <c>intensity</c> enums (FIT SDK 21.212 Profile, Types sheet).</summary>
internal static class FitWorkoutNames
{
    private static readonly Dictionary<int, string> Durations = Numbered(
        "time", "distance", "hr_less_than", "hr_greater_than", "calories", "open", "repeat_until_steps_cmplt",
        "repeat_until_time", "repeat_until_distance", "repeat_until_calories", "repeat_until_hr_less_than",
        "repeat_until_hr_greater_than", "repeat_until_power_less_than", "repeat_until_power_greater_than",
        "power_less_than", "power_greater_than", "training_peaks_tss", "repeat_until_power_last_lap_less_than",
        "repeat_until_max_power_last_lap_less_than", "power_3s_less_than", "power_10s_less_than", "power_30s_less_than",
        "power_3s_greater_than", "power_10s_greater_than", "power_30s_greater_than", "power_lap_less_than",
        "power_lap_greater_than", "repeat_until_training_peaks_tss", "repetition_time", "reps");

    private static readonly Dictionary<int, string> Targets = Numbered(
        "speed", "heart_rate", "open", "cadence", "power", "grade", "resistance", "power_3s", "power_10s", "power_30s",
        "power_lap", "swim_stroke", "speed_lap", "heart_rate_lap");

    private static readonly Dictionary<int, string> Intensities = Numbered(
        "active", "rest", "warmup", "cooldown", "recovery", "interval", "other");

    static FitWorkoutNames() => Durations[31] = "time_only"; // 30 is unassigned

    public static string? Duration(double raw) => FitEnumNames.Name(Durations, raw);

    public static string? Target(double raw) => FitEnumNames.Name(Targets, raw);

    public static string? Intensity(double raw) => FitEnumNames.Name(Intensities, raw);

    /// <summary>An enum whose values run 0, 1, 2, … in the profile.</summary>
    internal static Dictionary<int, string> Numbered(params string[] names) =>
        names.Select((name, i) => (name, i)).ToDictionary(p => p.i, p => p.name);
}
