using System.Globalization;
using Forma.Core.Athletes;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Data.Concurrency;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>
/// The one place handlers ask what the business's plan allows. Features answer 403, limits 402 — both problem
/// details naming the feature or limit, the usage, and the smallest plan that lifts it. Counted limits (per day or
/// month in the business's time zone) are admitted by one conditional upsert, so concurrent requests at the edge
/// admit exactly what remains; gauges (athletes, seats) are counted under a per-business lock in the transaction
/// that adds the item.
/// </summary>
internal sealed class PlanGate(FormaDbContext db, PlanCatalog catalog, TimeProvider clock, IHttpContextAccessor http)
{
    private ResolvedTenant Tenant => http.HttpContext?.Tenant() ?? throw new InvalidOperationException("The plan gate needs a request with a tenant.");

    public PlanDefinition Current => catalog.Get(Tenant.Plan.CodeAt(clock.GetUtcNow().UtcDateTime));

    public ProblemHttpResult? RequireFeature(PlanFeature feature)
    {
        var plan = Current;
        if (plan.Has(feature))
        {
            return null;
        }

        var upgrade = catalog.UpgradeFor(plan, feature);
        var problem = ProblemDetailsSetup.Problem(StatusCodes.Status403Forbidden, ProblemTypes.For("plan-feature"), $"{feature} is not part of the {plan.Name} plan.",
            upgrade is null ? "No plan offers it." : $"The {upgrade.Name} plan includes it.");
        problem.ProblemDetails.Extensions["feature"] = feature.ToString();
        problem.ProblemDetails.Extensions["plan"] = plan.Code;
        problem.ProblemDetails.Extensions["upgradeTo"] = upgrade?.Code;
        return problem;
    }

    /// <summary>Counts <paramref name="amount"/> against a per-period limit, or refuses it whole (402) when it does not fit.</summary>
    public async Task<ProblemHttpResult?> AdmitAsync(PlanLimit limit, long amount, CancellationToken cancellationToken)
    {
        var period = PlanLimits.PeriodOf(limit);
        if (period == UsagePeriod.None)
        {
            throw new ArgumentException($"{limit} is a gauge; use AdmitGaugeAsync.", nameof(limit));
        }

        var plan = Current;
        var tenantId = Tenant.Id;
        var start = PeriodStart(period);
        var metric = limit.ToString();
        var cap = plan.Limits.Of(limit);
        if (cap is { } most && amount > most)
        {
            return QuotaProblem(plan, limit, await UsedAsync(limit, start, cancellationToken), amount, start);
        }

        // Insert the period's row, or add to it only while the sum stays within the cap: no row back means refused.
        // Unlimited plans still count (for the usage report), against a cap nothing reaches.
        var ceiling = cap ?? long.MaxValue / 2;
        var admitted = await db.Database.SqlQuery<long>($"""
            INSERT INTO usage_counters (tenant_id, metric, period_start, used) VALUES ({tenantId}, {metric}, {start}, {amount})
            ON CONFLICT (tenant_id, metric, period_start) DO UPDATE SET used = usage_counters.used + excluded.used
            WHERE usage_counters.used + excluded.used <= {ceiling}
            RETURNING used AS "Value"
            """).ToListAsync(cancellationToken);
        return admitted.Count == 1 ? null : QuotaProblem(plan, limit, await UsedAsync(limit, start, cancellationToken), amount, start);
    }

    /// <summary>
    /// Adds items counted by a gauge: in one transaction, takes the business's lock for this limit, counts, and runs <paramref name="write"/> — which saves — only if the
    /// new items fit. Two concurrent additions cannot both see the last free place.
    /// </summary>
    public async Task<ProblemHttpResult?> AdmitGaugeAsync(PlanLimit limit, long amount, Func<CancellationToken, Task<long>> countUsed, Func<Task> write, CancellationToken cancellationToken)
    {
        var plan = Current;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TransactionLocks.TenantAsync(db, Tenant.Id, limit.ToString(), cancellationToken);

        var used = await countUsed(cancellationToken);
        if (!plan.Allows(limit, used, amount))
        {
            return QuotaProblem(plan, limit, used, amount, null);
        }

        await write();
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Storage is a gauge of the original files kept; an upload that would pass the plan's bytes is refused. Not
    /// locked: two uploads at once can overshoot by one upload, which storage (unlike seats) tolerates.
    /// </summary>
    public ProblemHttpResult? RefuseStorage(long storedBytes, long moreBytes)
    {
        var plan = Current;
        return plan.Allows(PlanLimit.StorageBytes, storedBytes, moreBytes) ? null : QuotaProblem(plan, PlanLimit.StorageBytes, storedBytes, moreBytes, null);
    }

    /// <summary>
    /// After a move to a smaller plan nothing is deleted: the oldest athletes up to the limit stay writable (by creation,
    /// then id — the order the over-limit dry-run lists), the newer ones are read-only (402) until the business upgrades or archives some; archived ones are read-only (409).
    /// </summary>
    public async Task<ProblemHttpResult?> EnsureAthleteWritableAsync(Guid athleteId, CancellationToken cancellationToken)
    {
        var athlete = await db.Athletes.AsNoTracking().Where(a => a.Id == athleteId).Select(a => new { a.Id, a.CreatedAt, a.ArchivedAt }).SingleOrDefaultAsync(cancellationToken);
        if (athlete is null)
        {
            return null; // the caller answers 404 in its own words
        }

        if (athlete.ArchivedAt is not null)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status409Conflict, ProblemTypes.For("athlete-archived"), "This athlete is archived and read-only.", "Restore the athlete to change their data.");
        }

        var plan = Current;
        if (plan.Limits.ActiveAthletes is not { } cap)
        {
            return null;
        }

        if (await ActiveAthletes(db).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Take((int)Math.Min(cap, int.MaxValue)).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return null;
        }

        var problem = QuotaProblem(plan, PlanLimit.ActiveAthletes, await ActiveAthletes(db).LongCountAsync(cancellationToken), 0, null);
        problem.ProblemDetails.Title = $"This athlete is over the {plan.Name} plan's limit of {cap} active athletes and read-only.";
        problem.ProblemDetails.Detail = "Upgrade, or archive athletes you no longer coach; nothing was deleted.";
        return problem;
    }

    public static IQueryable<Athlete> ActiveAthletes(FormaDbContext db) => db.Athletes.Where(a => a.ArchivedAt == null);

    /// <summary>The first day of the current period where the business is.</summary>
    public DateOnly PeriodStart(UsagePeriod period)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(Tenant.TimeZone));
        return PlanLimits.PeriodStart(period, DateOnly.FromDateTime(local));
    }

    private async Task<long> UsedAsync(PlanLimit limit, DateOnly start, CancellationToken cancellationToken) =>
        await db.UsageCounters.Where(c => c.Metric == limit && c.PeriodStart == start).Select(c => c.Used).SingleOrDefaultAsync(cancellationToken);

    private ProblemHttpResult QuotaProblem(PlanDefinition plan, PlanLimit limit, long used, long requested, DateOnly? periodStart)
    {
        var cap = plan.Limits.Of(limit) ?? 0;
        var upgrade = catalog.UpgradeFor(plan, limit, used + requested);
        var problem = ProblemDetailsSetup.Problem(StatusCodes.Status402PaymentRequired, ProblemTypes.For("quota-exceeded"),
            string.Create(CultureInfo.InvariantCulture, $"The {plan.Name} plan allows {cap} {Describe(limit)}; {used} used, {requested} more asked for."),
            upgrade is null ? "No larger plan lifts this limit." : $"The {upgrade.Name} plan allows {(upgrade.Limits.Of(limit) is { } more ? more.ToString(CultureInfo.InvariantCulture) : "unlimited")}.");
        var extensions = problem.ProblemDetails.Extensions;
        extensions["limit"] = limit.ToString();
        extensions["allowed"] = cap;
        extensions["used"] = used;
        extensions["requested"] = requested;
        extensions["plan"] = plan.Code;
        extensions["upgradeTo"] = upgrade?.Code;
        if (periodStart is { } start)
        {
            extensions["periodStart"] = start;
            extensions["resetsOn"] = PlanLimits.PeriodOf(limit) == UsagePeriod.Month ? start.AddMonths(1) : start.AddDays(1);
        }

        return problem;
    }

    public static string Describe(PlanLimit limit) => limit switch
    {
        PlanLimit.ActiveAthletes => "active athletes",
        PlanLimit.StaffSeats => "staff seats",
        PlanLimit.StorageBytes => "bytes of storage",
        PlanLimit.ImportsPerMonth => "imported files a month",
        PlanLimit.AiRequestsPerMonth => "AI requests a month",
        PlanLimit.ApiCallsPerDay => "API calls a day",
        _ => limit.ToString(),
    };
}
