using Forma.Core.Training;

namespace Forma.Web.Features.Analytics;

/// <summary>An entry of the physiology history: values that hold from <c>EffectiveFrom</c> until a later entry changes them.</summary>
public sealed record PhysiologyRequest(DateOnly? EffectiveFrom = null, double? FunctionalThresholdPower = null, double? CriticalPower = null, double? WPrime = null,
    double? ThresholdHeartRate = null, double? MaxHeartRate = null, double? RestingHeartRate = null, double? ThresholdSpeed = null, double? SwimCriticalSpeed = null,
    double? WeightKg = null, Core.Athletes.Sex? Sex = null)
{
    public PhysiologyValues Values() => new(FunctionalThresholdPower, CriticalPower, WPrime, ThresholdHeartRate, MaxHeartRate, RestingHeartRate, ThresholdSpeed, SwimCriticalSpeed, WeightKg, Sex);
}

public sealed record PhysiologyEntryResponse(Guid Id, DateOnly EffectiveFrom, PhysiologyValues Values, DateTime CreatedAt);

/// <summary>The history, and the values in force today (each from the latest entry that sets it).</summary>
public sealed record PhysiologyHistory(IReadOnlyList<PhysiologyEntryResponse> Entries, PhysiologyValues Current);
