using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.BackgroundJobs;

/// <summary>
/// Two app instances share one PostgreSQL queue. Worker A is stopped in the middle of a job — after the
/// job's effect was written, before it committed — and worker B finishes the job once its lease ran
/// out. Whatever A does when (if) it wakes up, the effect exists exactly once.
/// </summary>
public class WorkerCrashTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [PostgresFact]
    public async Task WorkerKilledMidJob_JobCompletesOnceOnAnotherWorker()
    {
        await RunScenarioAsync(killConnections: true);
    }

    [PostgresFact]
    public async Task WorkerStalledPastItsLease_WakesUpToFindTheJobTakenOver_AndAddsNoDuplicate()
    {
        await RunScenarioAsync(killConnections: false);
    }

    private static async Task RunScenarioAsync(bool killConnections)
    {
        var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        var gateA = new ProbeGate { Hold = true };
        await using var hostA = DataHost.Start(database, WithProbe(gateA), WorkerSettings(database, "worker-a"));
        await using var hostB = DataHost.Start(database, WithProbe(new ProbeGate()), WorkerSettings(database, "worker-b"));
        // B's clock is past A's lease: from B's point of view, A has gone quiet for too long.
        hostB.Clock.Set(hostA.Clock.GetUtcNow() + Lease + TimeSpan.FromSeconds(1));

        var tenant = await AddTenantAsync(hostA);
        var jobId = await EnqueueAsync(hostA, tenant, new ProbeJob("crash test"));

        var workerA = Worker(hostA);
        await workerA.StartAsync(CancellationToken.None);
        await gateA.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        if (killConnections)
        {
            // The process dies: its connections drop and PostgreSQL rolls back the open transaction.
            await TerminateConnectionsAsync(database, "worker-a");
        }

        await workerA.StopAsync(new CancellationToken(canceled: true));

        var workerB = Worker(hostB);
        await workerB.StartAsync(CancellationToken.None);
        var job = await WaitForStateAsync(hostB, jobId, JobState.Succeeded);
        await workerB.StopAsync(CancellationToken.None);

        // A's handler comes back to life and tries to finish.
        gateA.Release.SetResult();
        await workerA.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        job = await LoadAsync(hostB, jobId);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(2, job.Attempts);
        Assert.Equal(1, await EffectsAsync(hostB, tenant, jobId));
    }

    private static Dictionary<string, string?> WorkerSettings(TestDatabase database, string name) => new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:PollInterval"] = "00:00:00.100",
        ["Jobs:Lease"] = Lease.ToString(),
        ["Jobs:WorkerName"] = name,
        ["Database:ConnectionString"] = database.AppConnectionString + $";Application Name={name}",
    };

    private static BackgroundService Worker(DataHost host) =>
        (BackgroundService)host.Services.GetServices<IHostedService>().Single(s => s is BackgroundService);

    private static async Task<BackgroundJob> WaitForStateAsync(DataHost host, Guid jobId, JobState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = await LoadAsync(host, jobId);
            if (job.State == state || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, job.State);
                return job;
            }

            await Task.Delay(50);
        }
    }

    private static async Task TerminateConnectionsAsync(TestDatabase database, string applicationName)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", applicationName);
        Assert.True((long)(await command.ExecuteScalarAsync())! > 0, "worker A held no connection to kill");
    }
}
