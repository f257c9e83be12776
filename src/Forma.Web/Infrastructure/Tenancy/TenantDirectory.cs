using System.Collections.Concurrent;
using System.Diagnostics;
using Forma.Core.Plans;
using Forma.Core.Tenancy;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Infrastructure.Tenancy;

/// <summary>What a request needs to know about its tenant.</summary>
internal sealed record TenantEntry(Guid Id, string Slug, string DisplayName, string TimeZone, TenantStatus Status, PlanState Plan);

/// <summary>
/// Tenant rows by id and by slug, remembered for a second per instance. Every request starts by resolving its
/// tenant, and the row almost never changes, so reading it once a second instead of once a request removes a
/// round trip from everything. The cost: another instance sees a rename or a status change up to a second late
/// (sessions of a closed business end anyway — closing revokes their refresh tokens, which every request checks).
/// This instance forgets a tenant as soon as it changes one. Freshness is real time, not the app's clock.
/// </summary>
internal sealed class TenantDirectory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (TenantEntry? Entry, long ReadAt)> entries = new(StringComparer.Ordinal);

    public Task<TenantEntry?> FindByIdAsync(FormaDbContext db, Guid id, CancellationToken cancellationToken) =>
        FindAsync("id:" + id.ToString("D"), () => db.Tenants.AsNoTracking().Where(t => t.Id == id), cancellationToken);

    public Task<TenantEntry?> FindBySlugAsync(FormaDbContext db, string slug, CancellationToken cancellationToken) =>
        FindAsync("slug:" + slug, () => db.Tenants.AsNoTracking().Where(t => t.Slug == slug), cancellationToken);

    /// <summary>Drops what this instance remembers of the tenant; call after changing its row.</summary>
    public void Forget(Guid id)
    {
        foreach (var (key, value) in entries)
        {
            if (value.Entry?.Id == id || key == "id:" + id.ToString("D"))
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private async Task<TenantEntry?> FindAsync(string key, Func<IQueryable<Tenant>> query, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(key, out var known) && Stopwatch.GetElapsedTime(known.ReadAt) < Lifetime)
        {
            return known.Entry;
        }

        var readAt = Stopwatch.GetTimestamp();
        var entry = await query().Select(t => new TenantEntry(t.Id, t.Slug, t.DisplayName, t.TimeZone, t.Status, new PlanState(t.Plan, t.TrialEndsAt, t.SubscriptionPlan, t.PaymentGraceEndsAt))).SingleOrDefaultAsync(cancellationToken);
        entries[key] = (entry, readAt);
        return entry;
    }
}
