using System.Reflection;
using Forma.Core.Tenancy;
using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.Tests.Tenancy;

/// <summary>
/// Isolation through the application's own data layer, for every tenant-owned entity in the model:
/// the query filter hides the other tenant's rows and the save guard refuses to write them, even when
/// a bug hands the code an entity of the other tenant.
/// </summary>
public class ApplicationIsolationTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Reads_AsTenantA_SeeEveryOwnRowAndNoneOfTenantB(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = await TwoTenants.SeedAsync(host);
        var truth = await tenants.CountAsOwnerAsync(host);

        var (scope, db) = host.Scope(tenants.A);
        await using (scope)
        {
            foreach (var entity in tenants.TenantOwned)
            {
                var seen = await Invoke<List<Guid>>(nameof(VisibleTenantIdsAsync), entity.ClrType, db);
                var table = entity.GetTableName()!;
                Assert.True(truth[table].A > 0 && truth[table].B > 0, $"{table}: both tenants need rows for the test to mean anything");
                Assert.True(seen.All(id => id == tenants.A), $"{table}: tenant A saw a row of another tenant");
                Assert.Equal(truth[table].A, seen.Count);
            }
        }
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Reads_WithNoTenantInScope_SeeNothing(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = await TwoTenants.SeedAsync(host);

        var (scope, db) = host.Scope(tenantId: null);
        await using (scope)
        {
            foreach (var entity in tenants.TenantOwned)
            {
                Assert.Empty(await Invoke<List<Guid>>(nameof(VisibleTenantIdsAsync), entity.ClrType, db));
            }
        }
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Writes_AsTenantA_ToRowsOfTenantB_AreRefusedAndChangeNothing(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = await TwoTenants.SeedAsync(host);
        var before = await tenants.CountAsOwnerAsync(host);

        foreach (var entity in tenants.TenantOwned)
        {
            foreach (var state in new[] { EntityState.Modified, EntityState.Deleted })
            {
                // A bug hands tenant A's unit of work an entity of tenant B (say, from a cache).
                object row;
                var (scopeB, dbB) = host.Scope(tenants.B);
                await using (scopeB)
                {
                    row = await Invoke<object>(nameof(FirstRowAsync), entity.ClrType, dbB);
                }

                var (scope, db) = host.Scope(tenants.A);
                await using (scope)
                {
                    db.Attach(row).State = state;
                    await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
                }
            }

            var (insertScope, insertDb) = host.Scope(tenants.A);
            await using (insertScope)
            {
                TenantSamples.Builders[entity.ClrType](insertDb, tenants.B, host.Clock.GetUtcNow().UtcDateTime);
                await Assert.ThrowsAsync<TenantIsolationException>(() => insertDb.SaveChangesAsync());
            }
        }

        Assert.Equal(before, await tenants.CountAsOwnerAsync(host));
    }

    /// <summary>Bulk statements bypass the change tracker and its guard; the query filter (and RLS) still bound them.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task BulkUpdate_AsTenantA_ChangesOnlyItsOwnRows(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = await TwoTenants.SeedAsync(host);
        var truth = await tenants.CountAsOwnerAsync(host);

        int updated;
        var (scope, db) = host.Scope(tenants.A);
        await using (scope)
        {
            updated = await db.Athletes.ExecuteUpdateAsync(set => set.SetProperty(a => a.FirstName, "Renamed"));
        }

        Assert.Equal(truth["athletes"].A, updated);
        await using var owner = DatabaseMigrator.CreateOwnerContext(provider, host.Database.OwnerConnectionString);
        var renamed = await owner.Athletes.IgnoreQueryFilters().Where(a => a.FirstName == "Renamed").Select(a => a.TenantId).ToListAsync();
        Assert.Equal(truth["athletes"].A, renamed.Count);
        Assert.All(renamed, id => Assert.Equal(tenants.A, id));
    }

    /// <summary>A bulk update skips the save guard; it must still not move rows into another tenant (SQLite: trigger, PostgreSQL: RLS).</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task BulkUpdate_MovingRowsToAnotherTenant_IsRefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = await TwoTenants.SeedAsync(host);
        var before = await tenants.CountAsOwnerAsync(host);

        foreach (var entity in tenants.TenantOwned)
        {
            var (scope, db) = host.Scope(tenants.A);
            await using (scope)
            {
                await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Invoke<int>(nameof(MoveAllToTenantAsync), entity.ClrType, db, tenants.B));
            }
        }

        Assert.Equal(before, await tenants.CountAsOwnerAsync(host));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Writes_WithNoTenantInScope_AreRefused(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = await TwoTenants.SeedAsync(host);

        foreach (var entity in tenants.TenantOwned)
        {
            var (scope, db) = host.Scope(tenantId: null);
            await using (scope)
            {
                TenantSamples.Builders[entity.ClrType](db, tenants.A, host.Clock.GetUtcNow().UtcDateTime);
                await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
            }
        }
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task TenantScope_CannotSwitchTenantOnceEntered(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var (scope, _) = host.Scope(Guid.NewGuid());
        await using (scope)
        {
            var tenantScope = scope.ServiceProvider.GetRequiredService<TenantScope>();
            Assert.Throws<TenantIsolationException>(void () => tenantScope.Enter(Guid.NewGuid()));
        }
    }

    private static Task<List<Guid>> VisibleTenantIdsAsync<T>(FormaDbContext db) where T : class, ITenantOwned =>
        db.Set<T>().AsNoTracking().Select(e => e.TenantId).ToListAsync();

    private static Task<int> MoveAllToTenantAsync<T>(FormaDbContext db, Guid tenantId) where T : class, ITenantOwned =>
        db.Set<T>().ExecuteUpdateAsync(set => set.SetProperty(e => EF.Property<Guid>(e, nameof(ITenantOwned.TenantId)), tenantId));

    private static async Task<object> FirstRowAsync<T>(FormaDbContext db) where T : class, ITenantOwned =>
        await db.Set<T>().AsNoTracking().FirstAsync();

    private static async Task<TResult> Invoke<TResult>(string method, Type entityType, params object[] arguments)
    {
        var generic = typeof(ApplicationIsolationTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entityType);
        var task = (Task)generic.Invoke(null, arguments)!;
        await task;
        return (TResult)task.GetType().GetProperty("Result")!.GetValue(task)!;
    }
}
