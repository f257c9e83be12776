using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.BackgroundJobs;

public class RecurringSchedulerTests
{
    private const string Name = "test.every-morning";

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task EnqueueDue_EnqueuesEachOccurrenceOnce_AndCollapsesMissedOnes(DatabaseProvider provider)
    {
        // 06:00 every day in Berlin; the clock starts at 2026-11-22 09:00 UTC (10:00 CET).
        await using var host = await DataHost.StartAsync(provider, services =>
        {
            WithProbe()(services);
            services.AddRecurringJob(Name, "0 0 6 * * ?", "Europe/Berlin", new ProbeJob("morning"));
        });
        await WithSchedulerAsync(host, s => s.SyncDeclarationsAsync(host.Services.GetServices<RecurringJobDeclaration>(), CancellationToken.None));
        Assert.Equal(new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc), (await ScheduleAsync(host)).NextRunAt);

        await WithSchedulerAsync(host, s => s.EnqueueDueAsync(CancellationToken.None));
        Assert.Empty(await ProbeJobsAsync(host));

        host.Clock.Set(new DateTimeOffset(2026, 11, 23, 5, 0, 1, TimeSpan.Zero));
        await WithSchedulerAsync(host, s => s.EnqueueDueAsync(CancellationToken.None));
        await WithSchedulerAsync(host, s => s.EnqueueDueAsync(CancellationToken.None));
        var first = Assert.Single(await ProbeJobsAsync(host));
        Assert.Equal($"recurring:{Name}:2026-11-23T05:00:00.0000000Z", first.DedupeKey);

        // Three days with no instance running: one catch-up run, then back on the calendar.
        host.Clock.Set(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await WithSchedulerAsync(host, s => s.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(2, (await ProbeJobsAsync(host)).Count);
        Assert.Equal(new DateTime(2026, 11, 27, 5, 0, 0, DateTimeKind.Utc), (await ScheduleAsync(host)).NextRunAt);
    }

    [PostgresFact]
    public async Task EnqueueDue_OnManyInstancesAtOnce_EnqueuesOneJobPerOccurrence()
    {
        var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var hosts = Enumerable.Range(0, 4).Select(_ => DataHost.Start(database, services =>
            services.AddRecurringJob(Name, "0 0 6 * * ?", "Europe/Berlin", new ProbeJob("morning")))).ToList();
        try
        {
            await WithSchedulerAsync(hosts[0], s => s.SyncDeclarationsAsync(hosts[0].Services.GetServices<RecurringJobDeclaration>(), CancellationToken.None));
            foreach (var host in hosts)
            {
                host.Clock.Set(new DateTimeOffset(2026, 11, 23, 5, 0, 1, TimeSpan.Zero));
            }

            await Task.WhenAll(hosts.Select(host => Task.Run(() => WithSchedulerAsync(host, s => s.EnqueueDueAsync(CancellationToken.None)))));

            Assert.Single(await ProbeJobsAsync(hosts[0]));
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

    /// <summary>Jobs this test's schedule enqueued (the built-in housekeeping schedule is declared too).</summary>
    private static async Task<List<BackgroundJob>> ProbeJobsAsync(DataHost host)
    {
        var (scope, db) = host.Scope();
        await using (scope)
        {
            return await db.BackgroundJobs.AsNoTracking().Where(j => j.Type == ProbeJob.JobType).OrderBy(j => j.CreatedAt).ToListAsync();
        }
    }

    private static async Task<RecurringJob> ScheduleAsync(DataHost host)
    {
        var (scope, db) = host.Scope();
        await using (scope)
        {
            return await db.RecurringJobs.AsNoTracking().SingleAsync(r => r.Name == Name);
        }
    }

    private static async Task WithSchedulerAsync(DataHost host, Func<RecurringScheduler, Task> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<RecurringScheduler>());
    }
}
