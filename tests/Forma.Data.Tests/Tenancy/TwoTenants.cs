using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Forma.Data.Tests.Tenancy;

/// <summary>Two tenants, each with rows in every tenant-owned table, on one database.</summary>
internal sealed record TwoTenants(Guid A, Guid B, IReadOnlyList<IEntityType> TenantOwned)
{
    public static async Task<TwoTenants> SeedAsync(DataHost host)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var (scope, db) = host.Scope();
        await using (scope)
        {
            var tenantOwned = db.GetService<IDesignTimeModel>().Model.GetEntityTypes()
                .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
                .OrderBy(e => e.ClrType.Name, StringComparer.Ordinal)
                .ToList();
            var missing = tenantOwned.Where(e => !TenantSamples.Builders.ContainsKey(e.ClrType)).Select(e => e.ClrType.Name).ToList();
            Assert.True(missing.Count == 0, $"Add a builder to TenantSamples for: {string.Join(", ", missing)}");

            var a = TenantSamples.NewTenant(now);
            var b = TenantSamples.NewTenant(now);
            db.Tenants.AddRange(a, b);
            await db.SaveChangesAsync();

            foreach (var tenant in new[] { a, b })
            {
                var (tenantScope, tenantDb) = host.Scope(tenant.Id);
                await using (tenantScope)
                {
                    foreach (var entity in tenantOwned)
                    {
                        TenantSamples.Builders[entity.ClrType](tenantDb, tenant.Id, now);
                    }

                    await tenantDb.SaveChangesAsync();
                }
            }

            return new TwoTenants(a.Id, b.Id, tenantOwned);
        }
    }

    /// <summary>The rows of each tenant per table, counted as the schema owner with no filter: the ground truth.</summary>
    public async Task<Dictionary<string, (int A, int B)>> CountAsOwnerAsync(DataHost host)
    {
        await using var db = DatabaseMigrator.CreateOwnerContext(host.Database.Provider, host.Database.OwnerConnectionString);
        var counts = new Dictionary<string, (int, int)>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in TenantOwned)
        {
            var table = entity.GetTableName()!;
            counts[table] = (await CountAsync(connection, table, A), await CountAsync(connection, table, B));
        }

        await connection.CloseAsync();
        return counts;
    }

    private static async Task<int> CountAsync(System.Data.Common.DbConnection connection, string table, Guid tenantId)
    {
        await using var command = connection.CreateCommand();
        // SQLite stores EF Core's Guids as upper-case text; PostgreSQL has a uuid type.
        command.CommandText = connection is Npgsql.NpgsqlConnection
            ? $"SELECT count(*) FROM {table} WHERE tenant_id = '{tenantId}'"
            : $"SELECT count(*) FROM {table} WHERE tenant_id = '{tenantId.ToString().ToUpperInvariant()}'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
