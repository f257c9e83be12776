using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forma.Data.Tenancy;

/// <summary>
/// The save-time half of application-level isolation: before anything is written, every added,
/// modified or deleted tenant-owned row must belong to the scope's tenant, and no row may change its
/// tenant. Query filters stop reads; this stops writes of entities that were attached by hand or
/// loaded with the filter switched off. Platform rows tagged with a tenant (<see cref="ITenantTagged"/>)
/// must, while a tenant is in scope, carry that tenant.
/// </summary>
internal sealed class TenantGuardInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not FormaDbContext db)
        {
            return;
        }

        CheckTagged(db);
        foreach (var entry in db.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var entityName = entry.Metadata.DisplayName();
            var current = db.CurrentTenantId
                ?? throw new TenantIsolationException($"Cannot save {entityName}: no tenant is in scope.");

            var tenantProperty = entry.Property(nameof(ITenantOwned.TenantId));
            var written = (Guid)tenantProperty.CurrentValue!;
            var original = entry.State == EntityState.Added ? written : (Guid)tenantProperty.OriginalValue!;

            if (written != current || original != current)
            {
                throw new TenantIsolationException(
                    $"Refused to {entry.State.ToString().ToLowerInvariant()} {entityName} of tenant {original} while acting for tenant {current}.");
            }
        }
    }

    private static void CheckTagged(FormaDbContext db)
    {
        if (db.CurrentTenantId is not { } current)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<ITenantTagged>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var tenantProperty = entry.Property(nameof(ITenantTagged.TenantId));
            var original = entry.State == EntityState.Added ? tenantProperty.CurrentValue : tenantProperty.OriginalValue;
            if (!Equals(tenantProperty.CurrentValue, current) || !Equals(original, current))
            {
                throw new TenantIsolationException(
                    $"Refused to {entry.State.ToString().ToLowerInvariant()} {entry.Metadata.DisplayName()} for tenant {tenantProperty.CurrentValue?.ToString() ?? "none"} while acting for tenant {current}.");
            }
        }
    }
}
