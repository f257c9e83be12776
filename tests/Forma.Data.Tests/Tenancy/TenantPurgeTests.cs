using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;

namespace Forma.Data.Tests.Tenancy;

public class TenantPurgeTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Purge_EmptiesEveryTenantOwnedTableOfThatTenant_AndLeavesTheOtherAlone(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = await TwoTenants.SeedAsync(host);
        var before = await tenants.CountAsOwnerAsync(host);

        var (scope, db) = host.Scope(tenants.A);
        await using (scope)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await TenantPurge.PurgeAsync(db, tenants.A, keepJobId: null, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var after = await tenants.CountAsOwnerAsync(host);
        foreach (var (table, counts) in before)
        {
            Assert.True(counts.A > 0, $"{table}: tenant A needs rows for the test to mean anything");
            Assert.Equal((0, counts.B), after[table]);
        }

        var (platformScope, platform) = host.Scope(tenantId: null);
        await using (platformScope)
        {
            Assert.False(await platform.Tenants.AnyAsync(t => t.Id == tenants.A));
            Assert.True(await platform.Tenants.AnyAsync(t => t.Id == tenants.B));
        }
    }

    [Fact]
    public async Task Purge_FromAnotherTenantsScope_IsRefused()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Sqlite);
        var tenants = await TwoTenants.SeedAsync(host);
        var (scope, db) = host.Scope(tenants.B);
        await using (scope)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => TenantPurge.PurgeAsync(db, tenants.A, null, CancellationToken.None));
        }
    }
}
