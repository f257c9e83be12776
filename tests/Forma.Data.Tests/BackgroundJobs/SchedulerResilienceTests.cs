using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Forma.Data.Tests.BackgroundJobs;

public class SchedulerResilienceTests
{
    /// <summary>A schedule whose cron has no future occurrence is parked with its reason; the others still fire.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task EnqueueDue_WithAScheduleThatCanNeverFireAgain_SuspendsItAndRunsTheRest(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var owner = DatabaseMigrator.CreateOwnerContext(provider, host.Database.OwnerConnectionString))
        {
            await owner.Database.ExecuteSqlAsync($"""
                INSERT INTO recurring_jobs (name, cron, time_zone, job_type, payload, next_run_at)
                VALUES ('test.past', '0 0 0 1 1 ? 2020', 'UTC', 'test.none', '{"{}"}', {now.AddMinutes(-2)}),
                       ('test.fine', '0 0 * * * ?', 'UTC', 'test.none', '{"{}"}', {now.AddMinutes(-1)})
                """);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecurringScheduler>().EnqueueDueAsync(CancellationToken.None);
        }

        var (checkScope, db) = host.Scope();
        await using (checkScope)
        {
            var parked = await db.RecurringJobs.SingleAsync(r => r.Name == "test.past");
            Assert.NotNull(parked.LastError);
            Assert.Equal(DateTime.MaxValue.Date, parked.NextRunAt.Date);
            Assert.Single(await db.BackgroundJobs.Where(j => j.DedupeKey!.StartsWith("recurring:test.fine:")).ToListAsync());
            Assert.Empty(await db.BackgroundJobs.Where(j => j.DedupeKey!.StartsWith("recurring:test.past:")).ToListAsync());
        }
    }

    /// <summary>Instances starting together race to write the declared schedules; the losers retry instead of crashing.</summary>
    [PostgresFact]
    public async Task Workers_StartingTogether_AllKeepRunning_AndWriteEachScheduleOnce()
    {
        var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?> { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.050" };
        var hosts = Enumerable.Range(0, 4).Select(_ => DataHost.Start(database, settings: settings)).ToList();
        try
        {
            var workers = hosts.Select(h => (BackgroundService)h.Services.GetServices<IHostedService>().Single(s => s is BackgroundService)).ToList();
            await Task.WhenAll(workers.Select(w => w.StartAsync(CancellationToken.None)));
            // Wait for the schedules rather than a fixed time: on a loaded machine start-up takes longer than 2 s.
            List<string> names;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            do
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                var (scope, db) = hosts[0].Scope();
                await using (scope)
                {
                    names = await db.RecurringJobs.Select(r => r.Name).OrderBy(n => n).ToListAsync();
                }
            }
            while (names.Count < 2 && DateTime.UtcNow < deadline);

            await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate write, if any, would land now
            Assert.All(workers, w => Assert.False(w.ExecuteTask!.IsCompleted, "a worker stopped"));
            var (finalScope, finalDb) = hosts[0].Scope();
            await using (finalScope)
            {
                Assert.Equal(["audit.seal-chains", "jobs.purge-finished"], await finalDb.RecurringJobs.Select(r => r.Name).OrderBy(n => n).ToListAsync());
            }

            await Task.WhenAll(workers.Select(w => w.StopAsync(CancellationToken.None)));
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
