using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.BackgroundJobs;

public class ConcurrentClaimTests
{
    /// <summary>Three instances with four lanes each drain one queue: every job runs exactly once.</summary>
    [PostgresFact]
    public async Task ManyWorkers_DrainingOneQueue_RunEveryJobExactlyOnce()
    {
        const int jobCount = 120;
        var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var hosts = Enumerable.Range(0, 3).Select(_ => DataHost.Start(database, WithProbe())).ToList();
        try
        {
            var tenant = await AddTenantAsync(hosts[0]);
            var (scope, db) = hosts[0].Scope(tenant);
            await using (scope)
            {
                for (var i = 0; i < jobCount; i++)
                {
                    db.Enqueue(new ProbeJob($"job {i}"), hosts[0].Clock.GetUtcNow().UtcDateTime);
                }

                await db.SaveChangesAsync();
            }

            var lanes = hosts.SelectMany(host => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                var runner = Runner(host);
                var ran = 0;
                while (await runner.RunNextAsync(CancellationToken.None))
                {
                    ran++;
                }

                return ran;
            })));
            var perLane = await Task.WhenAll(lanes);

            Assert.Equal(jobCount, perLane.Sum());
            var (checkScope, check) = hosts[0].Scope(tenant);
            await using (checkScope)
            {
                var jobs = await check.BackgroundJobs.ToListAsync();
                Assert.All(jobs, j => Assert.Equal((JobState.Succeeded, 1), (j.State, j.Attempts)));
                var effects = await check.AuditEvents.Where(e => e.Action == ProbeJobHandler.Action).GroupBy(e => e.TargetId).Select(g => g.Count()).ToListAsync();
                Assert.Equal(jobCount, effects.Count);
                Assert.All(effects, count => Assert.Equal(1, count));
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.Services.DisposeAsync();
            }

            await database.DisposeAsync();
        }
    }
}
