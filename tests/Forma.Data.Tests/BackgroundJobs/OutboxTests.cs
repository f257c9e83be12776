using Forma.Core.Athletes;
using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.BackgroundJobs;

public class OutboxTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Enqueue_InTheChangesTransaction_CommitsOrRollsBackWithTheChange(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var tenant = await AddTenantAsync(host);
        var now = host.Clock.GetUtcNow().UtcDateTime;

        var (rolledBackScope, rolledBack) = host.Scope(tenant);
        await using (rolledBackScope)
        {
            await using var transaction = await rolledBack.Database.BeginTransactionAsync();
            rolledBack.Athletes.Add(Athlete.Create(tenant, "Rolled", "Back", now));
            rolledBack.Enqueue(new ProbeJob("welcome rolled back"), now);
            await rolledBack.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var (committedScope, committed) = host.Scope(tenant);
        await using (committedScope)
        {
            committed.Athletes.Add(Athlete.Create(tenant, "Kept", "Change", now));
            committed.Enqueue(new ProbeJob("welcome kept"), now);
            await committed.SaveChangesAsync();
        }

        var (checkScope, check) = host.Scope(tenant);
        await using (checkScope)
        {
            var athlete = Assert.Single(await check.Athletes.ToListAsync());
            Assert.Equal("Kept", athlete.FirstName);
            var job = Assert.Single(await check.BackgroundJobs.ToListAsync());
            Assert.Contains("welcome kept", job.Payload, StringComparison.Ordinal);
            Assert.Equal(tenant, job.TenantId);
        }
    }
}
