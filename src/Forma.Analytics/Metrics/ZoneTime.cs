namespace Forma.Analytics.Metrics;

/// <summary>
/// Seconds of recorded time spent in one zone of one zone set (Kind: power, heartRate or pace). The top zone has
/// no upper bound: its <see cref="High"/> is null, since JSON has no number for infinity.
/// </summary>
public sealed record ZoneTime(string Kind, string Zone, double Low, double? High, double Seconds);
