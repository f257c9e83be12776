namespace Forma.Core.Plans;

/// <summary>What a plan switches on. Names are stable: configuration and API answers use them.</summary>
public enum PlanFeature
{
    AdvancedAnalytics,
    Booking,
    Packages,
    Payments,
    ApiKeys,
    CustomBranding,
}

/// <summary>
/// What a plan limits. Counters reset each period (<see cref="PlanLimits.PeriodOf"/>); gauges count what exists now.
/// </summary>
public enum PlanLimit
{
    ActiveAthletes,
    StaffSeats,
    StorageBytes,
    ImportsPerMonth,
    AiRequestsPerMonth,
    ApiCallsPerDay,
}

public enum UsagePeriod
{
    /// <summary>A gauge: what exists now (athletes, seats, bytes stored).</summary>
    None,
    Day,
    Month,
}
