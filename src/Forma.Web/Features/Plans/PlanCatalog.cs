using Forma.Core.Plans;

namespace Forma.Web.Features.Plans;

/// <summary>
/// The plans on sale, read from configuration (<c>plans.json</c> beside the app, overridable like any setting, e.g.
/// <c>Plans__basic__Limits__ActiveAthletes=40</c>). An absent limit is unlimited. Checked at start-up: a Free plan
/// must exist, because a business whose trial or subscription ends falls to it.
/// </summary>
internal sealed class PlanCatalog
{
    public const string Section = "Plans";

    private readonly Dictionary<string, PlanDefinition> plans;

    public PlanCatalog(IConfiguration configuration)
    {
        plans = new Dictionary<string, PlanDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var plan = section.Get<PlanDefinition>() ?? new PlanDefinition();
            plan.Code = section.Key.ToLowerInvariant();
            plans[plan.Code] = plan;
        }

        if (!plans.ContainsKey(PlanState.Fallback))
        {
            throw new InvalidOperationException($"Configuration '{Section}' defines no '{PlanState.Fallback}' plan, which businesses fall to when a trial or subscription ends.");
        }
    }

    /// <summary>Smallest first.</summary>
    public IReadOnlyList<PlanDefinition> All => plans.Values.OrderBy(p => p.Rank).ToList();

    /// <summary>The plan by code; an unknown code (a plan since removed) is treated as Free rather than failing requests.</summary>
    public PlanDefinition Get(string code) => plans.GetValueOrDefault(code) ?? plans[PlanState.Fallback];

    public PlanDefinition? Find(string code) => plans.GetValueOrDefault(code);

    /// <summary>The plan a provider price id sells, if any.</summary>
    public PlanDefinition? ForPrice(string priceId) => plans.Values.FirstOrDefault(p => p.MonthlyPriceId == priceId || p.YearlyPriceId == priceId);

    /// <summary>The smallest plan above <paramref name="current"/> that has the feature; null when none does.</summary>
    public PlanDefinition? UpgradeFor(PlanDefinition current, PlanFeature feature) =>
        All.FirstOrDefault(p => p.Rank > current.Rank && p.Has(feature));

    /// <summary>The smallest plan above <paramref name="current"/> whose limit admits <paramref name="needed"/>.</summary>
    public PlanDefinition? UpgradeFor(PlanDefinition current, PlanLimit limit, long needed) =>
        All.FirstOrDefault(p => p.Rank > current.Rank && (p.Limits.Of(limit) is not { } cap || cap >= needed));
}
