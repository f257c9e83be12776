namespace Forma.Core.Plans;

/// <summary>
/// One plan as configured (<c>Plans:{code}</c> in plans.json, overridable like any setting): its name, its place in
/// the upgrade order, prices, limits and features, and the payment provider's price ids that sell it.
/// </summary>
public sealed class PlanDefinition
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Higher ranks are bigger plans; "the plan that lifts a limit" is the lowest-ranked one that does.</summary>
    public int Rank { get; set; }
    public string Currency { get; set; } = "EUR";
    public long MonthlyPriceMinor { get; set; }
    public long YearlyPriceMinor { get; set; }
    public PlanLimits Limits { get; set; } = new();
    public List<PlanFeature> Features { get; set; } = [];

    /// <summary>How often connected devices sync, in minutes.</summary>
    public int SyncIntervalMinutes { get; set; } = 1440;

    /// <summary>The payment provider's price for a monthly subscription; null when the plan is not sold online.</summary>
    public string? MonthlyPriceId { get; set; }
    public string? YearlyPriceId { get; set; }

    public bool Has(PlanFeature feature) => Features.Contains(feature);

    /// <summary>Whether <paramref name="used"/> plus <paramref name="more"/> stays within the limit.</summary>
    public bool Allows(PlanLimit limit, long used, long more) => Limits.Of(limit) is not { } cap || used + more <= cap;
}
