using System.Data;
using Forma.Core.Athletes;
using Forma.Core.People;
using Forma.Core.Tenancy;
using Forma.Data.Concurrency;
using Forma.Data.Tests.Tenancy;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Data.Tests.Concurrency.LockSamples;

namespace Forma.Data.Tests.Concurrency;

/// <summary>Each classification is provoked on the real database, never built by hand.</summary>
public class DatabaseErrorTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task SecondTenantWithTheSameSlug_IsAUniqueViolation(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var slug = TenantSlug.Parse(TenantSamples.NewTenant(now).Slug);
        await AddTenantAsync(host, Tenant.Create("First", slug, "pro", "Europe/Paris", now));

        var error = await Record.ExceptionAsync(() => AddTenantAsync(host, Tenant.Create("Second", slug, "pro", "Europe/Paris", now)));

        Assert.IsType<DbUpdateException>(error);
        Assert.Equal(DatabaseErrorKind.UniqueViolation, DatabaseError.Of(error).Kind);
        Assert.True(DatabaseError.IsUniqueViolation(error));
        Assert.False(DatabaseError.IsRetryable(error));
    }

    /// <summary>SQLite reports foreign keys with the same primary code (19) as unique indexes; only the extended code tells them apart.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task MembershipOfNoUser_IsNotAUniqueViolation(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var (tenant, _) = await AddTenantWithAthletesAsync(host, 0);
        var (scope, db) = host.Scope(tenant);
        await using (scope)
        {
            db.Memberships.Add(Membership.Create(tenant, Guid.NewGuid(), Role.Coach, host.Clock.GetUtcNow().UtcDateTime));

            var error = await Record.ExceptionAsync(() => db.SaveChangesAsync());

            Assert.IsType<DbUpdateException>(error);
            Assert.Equal(DatabaseErrorKind.Other, DatabaseError.Of(error).Kind);
            Assert.False(DatabaseError.IsUniqueViolation(error));
        }
    }

    [PostgresFact]
    public async Task TwoTransactionsLockingInOppositeOrder_OneIsARetryableDeadlock()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var (tenant, athletes) = await AddTenantWithAthletesAsync(host, 2);
        using var bothHoldTheirFirst = new Barrier(2);

        async Task<Exception?> LockBothAsync(Guid first, Guid second)
        {
            var (scope, db) = host.Scope(tenant);
            await using (scope)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await TransactionLocks.RowAsync<Athlete>(db, first, CancellationToken.None);
                bothHoldTheirFirst.SignalAndWait(TimeSpan.FromSeconds(20));
                try
                {
                    await TransactionLocks.RowAsync<Athlete>(db, second, CancellationToken.None);
                    await transaction.CommitAsync();
                    return null;
                }
                catch (Exception e)
                {
                    await transaction.RollbackAsync();
                    return e;
                }
            }
        }

        var outcomes = await Task.WhenAll(Task.Run(() => LockBothAsync(athletes[0], athletes[1])), Task.Run(() => LockBothAsync(athletes[1], athletes[0])));

        var victim = Assert.Single(outcomes, e => e is not null)!;
        Assert.Equal(DatabaseErrorKind.Deadlock, DatabaseError.Of(victim).Kind);
        Assert.True(DatabaseError.IsRetryable(victim));
    }

    [PostgresFact]
    public async Task UpdateOfARowChangedSinceTheSnapshot_IsARetryableSerializationFailure()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var (tenant, athletes) = await AddTenantWithAthletesAsync(host, 1);
        var (scope, db) = host.Scope(tenant);
        await using (scope)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            await db.Athletes.CountAsync(); // the snapshot is taken by the first statement
            var (otherScope, other) = host.Scope(tenant);
            await using (otherScope)
            {
                await other.Athletes.Where(a => a.Id == athletes[0]).ExecuteUpdateAsync(set => set.SetProperty(a => a.FirstName, "Early"));
            }

            var error = await Record.ExceptionAsync(() => db.Athletes.Where(a => a.Id == athletes[0]).ExecuteUpdateAsync(set => set.SetProperty(a => a.FirstName, "Late")));

            Assert.Equal(DatabaseErrorKind.SerializationFailure, DatabaseError.Of(error!).Kind);
            Assert.True(DatabaseError.IsRetryable(error!));
        }
    }

    [Fact]
    public void AnExceptionFromNoDatabase_IsOther() =>
        Assert.Equal(new DatabaseError(DatabaseErrorKind.Other, null), DatabaseError.Of(new InvalidOperationException("x", new TimeoutException())));

    private static async Task AddTenantAsync(DataHost host, Tenant tenant)
    {
        var (scope, db) = host.Scope();
        await using (scope)
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }
    }
}
