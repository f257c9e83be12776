using Forma.Core.Plans;

namespace Forma.Web.Features.Plans;

public sealed record PlanResponse(
    string Code, string Name, int Rank, string Currency, long MonthlyPriceMinor, long YearlyPriceMinor, IReadOnlyDictionary<string, long?> Limits,
    IReadOnlyList<string> Features, int SyncIntervalMinutes, bool SoldOnline)
{
    internal static PlanResponse From(PlanDefinition plan) => new(
        plan.Code, plan.Name, plan.Rank, plan.Currency, plan.MonthlyPriceMinor, plan.YearlyPriceMinor,
        Enum.GetValues<PlanLimit>().ToDictionary(l => l.ToString(), plan.Limits.Of), plan.Features.Select(f => f.ToString()).ToList(), plan.SyncIntervalMinutes,
        plan.MonthlyPriceId is not null || plan.YearlyPriceId is not null);
}

/// <summary>One limit now: what the plan allows (null: unlimited) and what is used in the current period (or exists, for gauges).</summary>
public sealed record LimitUsage(string Limit, string Period, DateOnly? PeriodStart, DateOnly? ResetsOn, long? Allowed, long Used);

public sealed record PastUsage(string Limit, DateOnly PeriodStart, long Used);

public sealed record AiSpend(string Currency, long CostMicros, long Tokens, long Requests);

public sealed record UsageResponse(
    PlanResponse Plan, bool OnTrial, DateTime? TrialEndsAt, DateTime? PaymentGraceEndsAt, IReadOnlyList<LimitUsage> Limits, IReadOnlyList<PastUsage> History, IReadOnlyList<AiSpend> AiSpendThisMonth);

/// <summary>How many active athletes the plan allows (null: unlimited), how many there are, and how many are over.</summary>
public sealed record OverLimitAnalysis(long? Allowed, long Active, long Over);

/// <summary>What archiving over-limit athletes would do (dry-run) or did (execute): exactly which athletes.</summary>
public sealed record OverLimitArchive(long? Allowed, long Active, IReadOnlyList<ArchivedAthlete> Athletes, bool Executed);

public sealed record ArchivedAthlete(Guid Id, string FirstName, string LastName, DateTime CreatedAt);
