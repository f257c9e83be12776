using Forma.Core.Athletes;
using Forma.Data.Tests.Tenancy;

namespace Forma.Data.Tests.Concurrency;

/// <summary>A business with athletes whose rows the lock tests take.</summary>
internal static class LockSamples
{
    public static async Task<(Guid Tenant, Guid[] Athletes)> AddTenantWithAthletesAsync(DataHost host, int count)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var tenant = TenantSamples.NewTenant(now);
        var (platformScope, platform) = host.Scope();
        await using (platformScope)
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync();
        }

        var (scope, db) = host.Scope(tenant.Id);
        await using (scope)
        {
            var athletes = Enumerable.Range(1, count).Select(i => Athlete.Create(tenant.Id, "Athlete", $"No {i}", now)).ToArray();
            db.Athletes.AddRange(athletes);
            await db.SaveChangesAsync();
            return (tenant.Id, athletes.Select(a => a.Id).ToArray());
        }
    }

    /// <summary>
    /// Runs <paramref name="takeLock"/> in a second transaction while a first one holds what <paramref name="holdLock"/>
    /// took; answers whether the second was still waiting after a while, and then finishes both.
    /// </summary>
    public static async Task<bool> SecondWaitsForFirstAsync(DataHost host, Guid tenant, Func<FormaDbContext, Task> holdLock, Func<FormaDbContext, Task> takeLock)
    {
        var (firstScope, first) = host.Scope(tenant);
        await using (firstScope)
        {
            var firstTransaction = await first.Database.BeginTransactionAsync();
            await holdLock(first);
            var second = Task.Run(async () =>
            {
                var (secondScope, db) = host.Scope(tenant);
                await using (secondScope)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await takeLock(db);
                    await transaction.CommitAsync();
                }
            });
            await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(800)));
            var waited = !second.IsCompleted;
            await firstTransaction.CommitAsync();
            await firstTransaction.DisposeAsync();
            await second.WaitAsync(TimeSpan.FromSeconds(20));
            return waited;
        }
    }
}
