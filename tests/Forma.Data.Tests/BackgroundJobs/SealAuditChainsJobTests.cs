using Forma.Core.Audit;
using Forma.Data.Audit;
using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.Tests.BackgroundJobs;

/// <summary>
/// The minute-by-minute sealing job, run by the real runner. On SQLite it once ran inside the job's own
/// write transaction and then waited for that same lock in each tenant's scope: the first attempt failed
/// after the busy timeout and every other writer stood still meanwhile.
/// </summary>
public class SealAuditChainsJobTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task SealJob_SealsEveryTenantsNewEntries_OnTheFirstAttempt(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var tenants = new[] { await JobTestKit.AddTenantAsync(host), await JobTestKit.AddTenantAsync(host) };
        foreach (var tenantId in tenants)
        {
            var (scope, db) = host.Scope(tenantId);
            await using (scope)
            {
                db.AuditEvents.Add(AuditEvent.Record(tenantId, "test.one", host.Clock.GetUtcNow().UtcDateTime));
                db.AuditEvents.Add(AuditEvent.Record(tenantId, "test.two", host.Clock.GetUtcNow().UtcDateTime.AddSeconds(1)));
                await db.SaveChangesAsync();
            }
        }

        Guid jobId;
        var (platformScope, platform) = host.Scope(tenantId: null);
        await using (platformScope)
        {
            jobId = platform.Enqueue(new SealAuditChains(), host.Clock.GetUtcNow().UtcDateTime).Id;
            await platform.SaveChangesAsync();
        }

        Assert.True(await JobTestKit.Runner(host).RunNextAsync(CancellationToken.None));

        var job = await JobTestKit.LoadAsync(host, jobId);
        Assert.Equal((JobState.Succeeded, 1), (job.State, job.Attempts));
        foreach (var tenantId in tenants)
        {
            var (scope, db) = host.Scope(tenantId);
            await using (scope)
            {
                Assert.Equal([1L, 2L], await db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence!.Value).ToListAsync());
            }
        }
    }
}
