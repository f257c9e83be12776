namespace Forma.Formats;

/// <summary>
/// What the recording device had set up about its user (FIT user_profile and zones_target) when it recorded:
/// weight in kg, height in m, heart rates in bpm, power in watts; <see cref="Gender"/> is <c>female</c> or
/// <c>male</c>. The device's settings, not the athlete's record here: useful as a default, not as the truth.
/// </summary>
public sealed record ActivityAthlete(
    double? Weight,
    string? Gender,
    int? Age,
    double? Height,
    int? RestingHeartRate,
    int? DefaultMaxHeartRate,
    int? FunctionalThresholdPower,
    int? MaxHeartRate,
    int? ThresholdHeartRate);
