using Forma.Core.Tenancy;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Forma.Data.Tests.Schema;

public class MigrationSchemaTests
{
    /// <summary>
    /// Migrations are written by hand, so this is what catches a property added to an entity without a
    /// migration, a wrong length, a missing index or a foreign key with the wrong delete rule.
    /// </summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task FreshlyMigratedDatabase_MatchesTheEfModelExactly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = DatabaseMigrator.CreateOwnerContext(provider, database.OwnerConnectionString);

        var expected = SchemaDescription.FromModel(db);
        var actual = await SchemaDescription.FromDatabaseAsync(db);

        Assert.Equal(expected, actual);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Migrating_TwiceInARow_IsANoOp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = DatabaseMigrator.CreateOwnerContext(provider, database.OwnerConnectionString);
        var before = await SchemaDescription.FromDatabaseAsync(db);

        await db.Database.MigrateAsync();

        Assert.Equal(before, await SchemaDescription.FromDatabaseAsync(db));
    }

    /// <summary>
    /// Tenant-owned tables lead their primary key and every foreign key to another tenant-owned table
    /// with tenant_id, so rows can be sharded by tenant (Citus) and a reference can never cross tenants.
    /// </summary>
    [Fact]
    public async Task TenantOwnedTables_LeadKeysWithTenantId()
    {
        await using var db = DatabaseMigrator.CreateOwnerContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var model = db.GetService<IDesignTimeModel>().Model;
        var tenantOwned = model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList();
        Assert.NotEmpty(tenantOwned);

        foreach (var entity in tenantOwned)
        {
            Assert.Equal(nameof(ITenantOwned.TenantId), entity.FindPrimaryKey()!.Properties[0].Name);
            foreach (var foreignKey in entity.GetForeignKeys().Where(fk => typeof(ITenantOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType)))
            {
                Assert.Equal(nameof(ITenantOwned.TenantId), foreignKey.Properties[0].Name);
                Assert.Equal(nameof(ITenantOwned.TenantId), foreignKey.PrincipalKey.Properties[0].Name);
            }
        }
    }
}
