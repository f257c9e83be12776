using System.Linq.Expressions;
using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Data.Tenancy;

/// <summary>
/// Adds the named query filter <c>e => e.TenantId == context.CurrentTenantId</c> to every entity that
/// implements <see cref="ITenantOwned"/>. With no tenant in scope the filter matches nothing (fail closed).
/// Platform code that must look across tenants says so with <c>IgnoreQueryFilters([TenantQueryFilter.Name])</c>.
/// <see cref="ITenantTagged"/> platform rows get <c>context.CurrentTenantId == null || e.TenantId == context.CurrentTenantId</c>.
/// </summary>
public static class TenantQueryFilter
{
    public const string Name = "tenant";

    public static void Apply(ModelBuilder modelBuilder, FormaDbContext context)
    {
        // A reference to the context instance becomes a query parameter, re-read for every query.
        var currentTenant = Expression.Property(Expression.Constant(context), nameof(FormaDbContext.CurrentTenantId));
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var owned = typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType);
            var tagged = typeof(ITenantTagged).IsAssignableFrom(entityType.ClrType);
            if (!owned && !tagged)
            {
                continue;
            }

            var row = Expression.Parameter(entityType.ClrType, "row");
            var rowTenant = Expression.Convert(Expression.Property(row, nameof(ITenantOwned.TenantId)), typeof(Guid?));
            Expression sameTenant = Expression.Equal(rowTenant, currentTenant);
            var body = owned
                ? sameTenant
                : Expression.OrElse(Expression.Equal(currentTenant, Expression.Constant(null, typeof(Guid?))), sameTenant);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Name, Expression.Lambda(body, row));
        }
    }
}
