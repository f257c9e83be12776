using Forma.Core.Athletes;
using Forma.Data.Concurrency;
using Forma.Testing;
using static Forma.Data.Tests.Concurrency.LockSamples;

namespace Forma.Data.Tests.Concurrency;

public class TransactionLocksTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RowLock_HeldByOneTransaction_MakesAnotherWaitUntilCommit(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var (tenant, athletes) = await AddTenantWithAthletesAsync(host, 1);

        Task Lock(FormaDbContext db) => TransactionLocks.RowAsync<Athlete>(db, athletes[0], CancellationToken.None);

        Assert.True(await SecondWaitsForFirstAsync(host, tenant, Lock, Lock));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RowsLock_FromAQuery_HoldsEveryRowItFinds(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var (tenant, athletes) = await AddTenantWithAthletesAsync(host, 3);

        Assert.True(await SecondWaitsForFirstAsync(host, tenant,
            db => TransactionLocks.RowsAsync(db, db.Athletes.Where(a => a.Id != athletes[0]), CancellationToken.None),
            db => TransactionLocks.RowAsync<Athlete>(db, athletes[2], CancellationToken.None)));
    }

    [PostgresFact]
    public async Task RowsLock_FromAQuery_LeavesOtherRowsFree()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var (tenant, athletes) = await AddTenantWithAthletesAsync(host, 3);

        Assert.False(await SecondWaitsForFirstAsync(host, tenant,
            db => TransactionLocks.RowsAsync(db, db.Athletes.Where(a => a.Id != athletes[0]), CancellationToken.None),
            db => TransactionLocks.RowAsync<Athlete>(db, athletes[0], CancellationToken.None)));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task TenantLock_ForOnePurpose_MakesAnotherWaitUntilCommit(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var (tenant, _) = await AddTenantWithAthletesAsync(host, 0);

        Task Lock(FormaDbContext db) => TransactionLocks.TenantAsync(db, tenant, "seats", CancellationToken.None);

        Assert.True(await SecondWaitsForFirstAsync(host, tenant, Lock, Lock));
    }

    [PostgresFact]
    public async Task TenantLock_OfAnotherPurpose_DoesNotWait()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var (tenant, _) = await AddTenantWithAthletesAsync(host, 0);

        Assert.False(await SecondWaitsForFirstAsync(host, tenant,
            db => TransactionLocks.TenantAsync(db, tenant, "seats", CancellationToken.None),
            db => TransactionLocks.TenantAsync(db, tenant, "athletes", CancellationToken.None)));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Lock_OutsideATransaction_IsRefused(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var (tenant, athletes) = await AddTenantWithAthletesAsync(host, 1);
        var (scope, db) = host.Scope(tenant);
        await using (scope)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => TransactionLocks.RowAsync<Athlete>(db, athletes[0], CancellationToken.None));
            await Assert.ThrowsAsync<InvalidOperationException>(() => TransactionLocks.TenantAsync(db, tenant, "seats", CancellationToken.None));
        }
    }
}
