namespace Forma.Analytics.Physiology;

/// <summary>Biological sex as the heart-rate TRIMP weighting (Banister) distinguishes it.</summary>
public enum Sex
{
    Female,
    Male,
}

/// <summary>
/// An athlete's physiology on one day: the values every metric of an activity on that day is computed with.
/// Units: watts, joules (W′), beats per minute, metres per second (paces are speeds here), kilograms.
/// Any value may be unknown; a metric that needs it is then absent, never guessed.
/// </summary>
public sealed record Thresholds
{
    public double? FunctionalThresholdPower { get; init; }
    public double? CriticalPower { get; init; }
    public double? WPrime { get; init; }
    public double? ThresholdHeartRate { get; init; }
    public double? MaxHeartRate { get; init; }
    public double? RestingHeartRate { get; init; }

    /// <summary>Running threshold pace as a speed (m/s).</summary>
    public double? ThresholdSpeed { get; init; }

    /// <summary>Swimming critical speed (m/s).</summary>
    public double? SwimCriticalSpeed { get; init; }
    public double? WeightKg { get; init; }
    public Sex? Sex { get; init; }

    public static Thresholds None { get; } = new();
}
