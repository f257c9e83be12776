namespace Forma.Core.Plans;

/// <summary>
/// A plan's limits; null means unlimited. Bound from configuration (<c>Plans:{code}:Limits</c>), so the setters
/// are public; nothing else writes them.
/// </summary>
public sealed class PlanLimits
{
    public long? ActiveAthletes { get; set; }
    public long? StaffSeats { get; set; }
    public long? StorageBytes { get; set; }
    public long? ImportsPerMonth { get; set; }
    public long? AiRequestsPerMonth { get; set; }
    public long? ApiCallsPerDay { get; set; }

    public long? Of(PlanLimit limit) => limit switch
    {
        PlanLimit.ActiveAthletes => ActiveAthletes,
        PlanLimit.StaffSeats => StaffSeats,
        PlanLimit.StorageBytes => StorageBytes,
        PlanLimit.ImportsPerMonth => ImportsPerMonth,
        PlanLimit.AiRequestsPerMonth => AiRequestsPerMonth,
        PlanLimit.ApiCallsPerDay => ApiCallsPerDay,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
    };

    public static UsagePeriod PeriodOf(PlanLimit limit) => limit switch
    {
        PlanLimit.ImportsPerMonth or PlanLimit.AiRequestsPerMonth => UsagePeriod.Month,
        PlanLimit.ApiCallsPerDay => UsagePeriod.Day,
        _ => UsagePeriod.None,
    };

    /// <summary>
    /// The first day of the period that holds <paramref name="localDate"/> — the business's own calendar date, so a
    /// monthly quota resets at midnight on the 1st where the business is, not in UTC.
    /// </summary>
    public static DateOnly PeriodStart(UsagePeriod period, DateOnly localDate) => period switch
    {
        UsagePeriod.Month => new DateOnly(localDate.Year, localDate.Month, 1),
        UsagePeriod.Day => localDate,
        _ => DateOnly.MinValue,
    };
}
