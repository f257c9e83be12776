using System.Globalization;
using Forma.Core;
using Forma.Core.Athletes;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Data.Concurrency;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Infrastructure.Access;

/// <summary>
/// The one place use cases ask what the business's plan allows. Features are refused with 403, limits with 402 —
/// refusals naming the feature or limit, the usage, and the smallest plan that lifts it. Counted limits (per day or
/// month in the business's time zone) are admitted by one conditional upsert, so concurrent requests at the edge
/// admit exactly what remains; gauges (athletes, seats) are counted under a per-business lock in the transaction
/// that adds the item.
/// </summary>
internal sealed class PlanGate(FormaDbContext db, PlanCatalog catalog, TimeProvider clock, CurrentBusiness business)
{
    private ResolvedTenant Tenant => business.Tenant;

    public PlanDefinition Current => catalog.Get(Tenant.Plan.CodeAt(clock.GetUtcNow().UtcDateTime));

    public bool Has(PlanFeature feature) => Current.Has(feature);

    /// <summary>Refuses (403, naming the plan that has it) unless the business's plan includes <paramref name="feature"/>.</summary>
    public void EnsureFeature(PlanFeature feature)
    {
        var plan = Current;
        if (plan.Has(feature))
        {
            return;
        }

        var upgrade = catalog.UpgradeFor(plan, feature);
        throw new DomainException(RefusalKind.NotInPlan, "plan-feature", $"{feature} is not part of the {plan.Name} plan.",
            upgrade is null ? "No plan offers it." : $"The {upgrade.Name} plan includes it.",
            extensions: new Dictionary<string, object?> { ["feature"] = feature.ToString(), ["plan"] = plan.Code, ["upgradeTo"] = upgrade?.Code });
    }

    /// <summary>Counts <paramref name="amount"/> against a per-period limit, or refuses it whole (402) when it does not fit.</summary>
    public async Task AdmitAsync(PlanLimit limit, long amount, CancellationToken cancellationToken)
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
            throw QuotaRefusal(plan, limit, await UsedAsync(limit, start, cancellationToken), amount, start);
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
        if (admitted.Count != 1)
        {
            throw QuotaRefusal(plan, limit, await UsedAsync(limit, start, cancellationToken), amount, start);
        }
    }

    /// <summary>
    /// Adds items counted by a gauge: in one transaction, takes the business's lock for this limit, counts, and runs <paramref name="write"/> — which saves — only if the
    /// new items fit. Two concurrent additions cannot both see the last free place.
    /// </summary>
    public async Task AdmitGaugeAsync(PlanLimit limit, long amount, Func<CancellationToken, Task<long>> countUsed, Func<Task> write, CancellationToken cancellationToken)
    {
        var plan = Current;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TransactionLocks.TenantAsync(db, Tenant.Id, limit.ToString(), cancellationToken);

        var used = await countUsed(cancellationToken);
        if (!plan.Allows(limit, used, amount))
        {
            throw QuotaRefusal(plan, limit, used, amount, null);
        }

        await write();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Storage is a gauge of the original files kept; an upload that would pass the plan's bytes is refused. Not
    /// locked: two uploads at once can overshoot by one upload, which storage (unlike seats) tolerates.
    /// </summary>
    public void EnsureStorage(long storedBytes, long moreBytes)
    {
        var plan = Current;
        if (!plan.Allows(PlanLimit.StorageBytes, storedBytes, moreBytes))
        {
            throw QuotaRefusal(plan, PlanLimit.StorageBytes, storedBytes, moreBytes, null);
        }
    }

    /// <summary>
    /// After a move to a smaller plan nothing is deleted: the oldest athletes up to the limit stay writable (by creation,
    /// then id — the order the over-limit dry-run lists), the newer ones are read-only (402) until the business upgrades or archives some; archived ones are read-only (409).
    /// </summary>
    public async Task EnsureAthleteWritableAsync(Guid athleteId, CancellationToken cancellationToken)
    {
        var athlete = await db.Athletes.AsNoTracking().Where(a => a.Id == athleteId).Select(a => new { a.Id, a.CreatedAt, a.ArchivedAt }).SingleOrDefaultAsync(cancellationToken);
        if (athlete is null)
        {
            return; // the caller answers 404 in its own words
        }

        if (athlete.ArchivedAt is not null)
        {
            throw DomainException.Conflict("athlete-archived", "This athlete is archived and read-only.", "Restore the athlete to change their data.");
        }

        var plan = Current;
        if (plan.Limits.ActiveAthletes is not { } cap)
        {
            return;
        }

        if (await ActiveAthletes(db).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Take((int)Math.Min(cap, int.MaxValue)).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return;
        }

        throw QuotaRefusal(plan, PlanLimit.ActiveAthletes, await ActiveAthletes(db).LongCountAsync(cancellationToken), 0, null,
            $"This athlete is over the {plan.Name} plan's limit of {cap} active athletes and read-only.", "Upgrade, or archive athletes you no longer coach; nothing was deleted.");
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

    private DomainException QuotaRefusal(PlanDefinition plan, PlanLimit limit, long used, long requested, DateOnly? periodStart, string? title = null, string? detail = null)
    {
        var cap = plan.Limits.Of(limit) ?? 0;
        var upgrade = catalog.UpgradeFor(plan, limit, used + requested);
        var extensions = new Dictionary<string, object?>
        {
            ["limit"] = limit.ToString(),
            ["allowed"] = cap,
            ["used"] = used,
            ["requested"] = requested,
            ["plan"] = plan.Code,
            ["upgradeTo"] = upgrade?.Code,
        };
        if (periodStart is { } start)
        {
            extensions["periodStart"] = start;
            extensions["resetsOn"] = PlanLimits.PeriodOf(limit) == UsagePeriod.Month ? start.AddMonths(1) : start.AddDays(1);
        }

        return new DomainException(RefusalKind.QuotaExceeded, "quota-exceeded",
            title ?? string.Create(CultureInfo.InvariantCulture, $"The {plan.Name} plan allows {cap} {Describe(limit)}; {used} used, {requested} more asked for."),
            detail ?? (upgrade is null ? "No larger plan lifts this limit." : $"The {upgrade.Name} plan allows {(upgrade.Limits.Of(limit) is { } more ? more.ToString(CultureInfo.InvariantCulture) : "unlimited")}."),
            extensions: extensions);
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
