using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>
/// The business's usage against its plan, for owners and admins: this period's counts and the gauges, past periods
/// (a year of months, a month of days) and this month's AI spend.
/// </summary>
internal sealed class GetUsage(FormaDbContext db, PlanGate gate, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    private const int HistoryMonths = 12;

    public async Task<UsageResponse> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireManager("Only owners and admins see the plan's usage.");
        var plan = gate.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var state = business.Tenant.Plan;
        var month = gate.PeriodStart(UsagePeriod.Month);
        var day = gate.PeriodStart(UsagePeriod.Day);
        var counters = await db.UsageCounters.AsNoTracking().Where(c => c.PeriodStart >= month.AddMonths(-HistoryMonths)).ToListAsync(cancellationToken);
        var gauges = new Dictionary<PlanLimit, long>
        {
            [PlanLimit.ActiveAthletes] = await PlanGate.ActiveAthletes(db).LongCountAsync(cancellationToken),
            [PlanLimit.StaffSeats] = await PlanEndpoints.StaffSeats(db).LongCountAsync(cancellationToken),
            [PlanLimit.StorageBytes] = await PlanEndpoints.StoredBytes(db).SumAsync(cancellationToken),
        };

        var limits = Enum.GetValues<PlanLimit>().Select(limit =>
        {
            var period = PlanLimits.PeriodOf(limit);
            DateOnly? start = period switch { UsagePeriod.Month => month, UsagePeriod.Day => day, _ => null };
            DateOnly? resets = period switch { UsagePeriod.Month => month.AddMonths(1), UsagePeriod.Day => day.AddDays(1), _ => null };
            var used = start is { } s ? counters.Where(c => c.Metric == limit && c.PeriodStart == s).Sum(c => c.Used) : gauges[limit];
            return new LimitUsage(limit.ToString(), period.ToString(), start, resets, plan.Limits.Of(limit), used);
        }).ToList();

        var history = counters
            .Where(c => PlanLimits.PeriodOf(c.Metric) == UsagePeriod.Month ? c.PeriodStart < month : c.PeriodStart < day && c.PeriodStart >= day.AddDays(-31))
            .OrderBy(c => c.Metric).ThenByDescending(c => c.PeriodStart).Select(c => new PastUsage(c.Metric.ToString(), c.PeriodStart, c.Used)).ToList();

        var monthStartUtc = TimeZoneInfo.ConvertTimeToUtc(month.ToDateTime(TimeOnly.MinValue), business.Zone);
        var spend = await db.UsageEvents.AsNoTracking().Where(e => e.Metric == PlanLimit.AiRequestsPerMonth && e.RecordedAt >= monthStartUtc && e.Currency != null)
            .GroupBy(e => e.Currency!).Select(g => new AiSpend(g.Key, g.Sum(e => e.CostMicros ?? 0), g.Sum(e => e.Tokens ?? 0), g.Sum(e => e.Quantity))).ToListAsync(cancellationToken);

        return new UsageResponse(PlanResponse.From(plan), state.OnTrialAt(now), state.TrialEndsAt, state.PaymentGraceEndsAt, limits, history, spend);
    }
}
