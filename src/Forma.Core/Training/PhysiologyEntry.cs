using Forma.Core.Athletes;
using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// What an athlete's physiology was from a date on: each value set here holds until a later entry sets it
/// again, so an activity is analysed with the values valid on its day and history stays true when a coach
/// updates FTP. Units: watts, joules, bpm, m/s, kg. Null means "unchanged by this entry".
/// </summary>
public sealed class PhysiologyEntry : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public double? FunctionalThresholdPower { get; private set; }
    public double? CriticalPower { get; private set; }
    public double? WPrime { get; private set; }
    public double? ThresholdHeartRate { get; private set; }
    public double? MaxHeartRate { get; private set; }
    public double? RestingHeartRate { get; private set; }
    public double? ThresholdSpeed { get; private set; }
    public double? SwimCriticalSpeed { get; private set; }
    public double? WeightKg { get; private set; }

    /// <summary>For the heart-rate TRIMP weighting; the same enum as the athlete's record.</summary>
    public Sex? Sex { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private PhysiologyEntry()
    {
    }

    public static PhysiologyEntry Create(Guid tenantId, Guid athleteId, DateOnly effectiveFrom, PhysiologyValues values, Guid? userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Validate();
        return new PhysiologyEntry
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(now),
            AthleteId = athleteId,
            EffectiveFrom = effectiveFrom,
            FunctionalThresholdPower = values.FunctionalThresholdPower,
            CriticalPower = values.CriticalPower,
            WPrime = values.WPrime,
            ThresholdHeartRate = values.ThresholdHeartRate,
            MaxHeartRate = values.MaxHeartRate,
            RestingHeartRate = values.RestingHeartRate,
            ThresholdSpeed = values.ThresholdSpeed,
            SwimCriticalSpeed = values.SwimCriticalSpeed,
            WeightKg = values.WeightKg,
            Sex = values.Sex,
            CreatedByUserId = userId,
            CreatedAt = now,
        };
    }

    public PhysiologyValues Values() => new(FunctionalThresholdPower, CriticalPower, WPrime, ThresholdHeartRate, MaxHeartRate, RestingHeartRate, ThresholdSpeed, SwimCriticalSpeed, WeightKg, Sex);
}
