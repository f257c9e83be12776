using Forma.Core.Athletes;
using Forma.Core.Validation;

namespace Forma.Core.Training;

/// <summary>
/// A set of physiology values (any may be null), checked against plausible human ranges so a typo (FTP 2500,
/// a pace entered as minutes) is refused with the field named instead of skewing every metric.
/// </summary>
public sealed record PhysiologyValues(
    double? FunctionalThresholdPower = null,
    double? CriticalPower = null,
    double? WPrime = null,
    double? ThresholdHeartRate = null,
    double? MaxHeartRate = null,
    double? RestingHeartRate = null,
    double? ThresholdSpeed = null,
    double? SwimCriticalSpeed = null,
    double? WeightKg = null,
    Sex? Sex = null)
{
    public void Validate()
    {
        Check(FunctionalThresholdPower, 30, 700, "functionalThresholdPower", "watts");
        Check(CriticalPower, 30, 700, "criticalPower", "watts");
        Check(WPrime, 1_000, 60_000, "wPrime", "joules");
        Check(ThresholdHeartRate, 80, 230, "thresholdHeartRate", "bpm");
        Check(MaxHeartRate, 100, 240, "maxHeartRate", "bpm");
        Check(RestingHeartRate, 25, 120, "restingHeartRate", "bpm");
        Check(ThresholdSpeed, 1, 7, "thresholdSpeed", "m/s");
        Check(SwimCriticalSpeed, 0.3, 2.5, "swimCriticalSpeed", "m/s");
        Check(WeightKg, 20, 250, "weightKg", "kg");
        EnumRules.Require(Sex, "sex");

        if (RestingHeartRate is { } rest && MaxHeartRate is { } max && rest >= max)
        {
            throw new DomainException("resting-above-max", "Resting heart rate must be below maximum heart rate.", "restingHeartRate");
        }

        if (this == new PhysiologyValues())
        {
            throw new DomainException("no-values", "Set at least one value.", "functionalThresholdPower");
        }
    }

    /// <summary>Values of <paramref name="later"/> where it sets them, ours otherwise.</summary>
    public PhysiologyValues OverriddenBy(PhysiologyValues later) => new(
        later.FunctionalThresholdPower ?? FunctionalThresholdPower,
        later.CriticalPower ?? CriticalPower,
        later.WPrime ?? WPrime,
        later.ThresholdHeartRate ?? ThresholdHeartRate,
        later.MaxHeartRate ?? MaxHeartRate,
        later.RestingHeartRate ?? RestingHeartRate,
        later.ThresholdSpeed ?? ThresholdSpeed,
        later.SwimCriticalSpeed ?? SwimCriticalSpeed,
        later.WeightKg ?? WeightKg,
        later.Sex ?? Sex);

    private static void Check(double? value, double min, double max, string field, string unit)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            throw new DomainException("out-of-range", $"Between {min} and {max} {unit}.", field);
        }
    }
}
