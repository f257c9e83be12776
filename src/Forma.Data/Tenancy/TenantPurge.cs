using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Forma.Data.Tenancy;

/// <summary>
/// Deletes everything a tenant owns, then the tenant itself. The tables come from the EF model, so a new
/// tenant-owned table is purged without anyone remembering to add it here; they are emptied dependents
/// first, so no foreign key stands in the way. Runs inside the tenant's scope (on PostgreSQL row-level
/// security limits every statement to that tenant) and inside the caller's transaction.
/// </summary>
public static class TenantPurge
{
    public static async Task<int> PurgeAsync(FormaDbContext db, Guid tenantId, Guid? keepJobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.CurrentTenantId != tenantId)
        {
            throw new InvalidOperationException("A tenant is purged from inside its own scope.");
        }

        var rows = 0;
        foreach (var table in TablesDependentsFirst(db.Model))
        {
            // The table name comes from our own model, never from input; the tenant id is a parameter.
            var sql = "DELETE FROM " + table + " WHERE tenant_id = {0}";
            rows += await db.Database.ExecuteSqlRawAsync(sql, [tenantId], cancellationToken);
        }

        // Its queued work goes too — all but the job doing this, which the runner completes afterwards.
        rows += await db.BackgroundJobs.Where(j => j.TenantId == tenantId && j.Id != keepJobId).ExecuteDeleteAsync(cancellationToken);
        rows += await db.RecurringJobs.Where(j => j.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        rows += await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>Tables of tenant-owned entities, each after every table whose rows point at it.</summary>
    public static IReadOnlyList<string> TablesDependentsFirst(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var owned = model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList();
        var ordered = new List<IEntityType>();
        var visited = new HashSet<IEntityType>();
        foreach (var entityType in owned)
        {
            Visit(entityType);
        }

        return ordered.Select(e => e.GetTableName()!).Distinct(StringComparer.Ordinal).ToList();

        void Visit(IEntityType entityType)
        {
            if (!visited.Add(entityType))
            {
                return;
            }

            foreach (var dependent in owned.Where(d => d != entityType && d.GetForeignKeys().Any(fk => fk.PrincipalEntityType == entityType)))
            {
                Visit(dependent);
            }

            ordered.Add(entityType);
        }
    }
}
