using Forma.Formats;

namespace Forma.Analytics.Zones;

/// <summary>The streams a zone set can read. Pace zones are speed bands (m/s) so that higher is harder for every kind.</summary>
public static class ZoneKinds
{
    public const string Power = "power";
    public const string HeartRate = "heartRate";
    public const string Pace = "pace";

    public static IReadOnlyList<string> All { get; } = [Power, HeartRate, Pace];

    /// <summary>The stream (<see cref="StreamNames"/>) a kind reads.</summary>
    public static string StreamFor(string kind) => kind switch
    {
        Power => StreamNames.Power,
        HeartRate => StreamNames.HeartRate,
        Pace => StreamNames.Speed,
        _ => throw new ArgumentException($"Unknown zone kind '{kind}'; expected power, heartRate or pace.", nameof(kind)),
    };
}
