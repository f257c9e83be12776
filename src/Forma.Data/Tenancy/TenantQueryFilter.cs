using System.Linq.Expressions;
using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Data.Tenancy;

/// <summary>
/// Adds the named query filter <c>e => e.TenantId == context.CurrentTenantId</c> to every entity that
/// implements <see cref="ITenantOwned"/>. With no tenant in scope the filter matches nothing (fail closed).
/// Platform code that must look across tenants says so with <c>IgnoreQueryFilters([TenantQueryFilter.Name])</c>.
/// </summary>
public static class TenantQueryFilter
{
    public const string Name = "tenant";

    public static void Apply(ModelBuilder modelBuilder, FormaDbContext context)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            var row = Expression.Parameter(entityType.ClrType, "row");
            var rowTenant = Expression.Convert(Expression.Property(row, nameof(ITenantOwned.TenantId)), typeof(Guid?));
            // A reference to the context instance becomes a query parameter, re-read for every query.
            var currentTenant = Expression.Property(Expression.Constant(context), nameof(FormaDbContext.CurrentTenantId));
            var filter = Expression.Lambda(Expression.Equal(rowTenant, currentTenant), row);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Name, filter);
        }
    }
}
