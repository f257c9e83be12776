namespace Forma.Analytics.Metrics;

/// <summary>Seconds of recorded time spent in one zone of one zone set (Kind: power, heartRate or pace).</summary>
public sealed record ZoneTime(string Kind, string Zone, double Low, double High, double Seconds);
