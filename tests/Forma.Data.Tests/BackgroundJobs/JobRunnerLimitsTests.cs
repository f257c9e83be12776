using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Npgsql;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.BackgroundJobs;

public class JobRunnerLimitsTests
{
    /// <summary>A handler that never finishes is cancelled at MaxRunTime and counted as a failed attempt, instead of holding its job forever.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_PastMaxRunTime_CancelsTheRunAndRetriesLater(DatabaseProvider provider)
    {
        var gate = new ProbeGate { Hold = true, HonourCancellation = true };
        await using var host = await DataHost.StartAsync(provider, WithProbe(gate), new() { ["Jobs:MaxRunTime"] = "00:00:00.300" });
        var tenant = await AddTenantAsync(host);
        var jobId = await EnqueueAsync(host, tenant, new ProbeJob("hangs"));

        Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));

        var job = await LoadAsync(host, jobId);
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Contains("TimeoutException", job.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await EffectsAsync(host, tenant, jobId));
    }

    /// <summary>When a heartbeat finds the lease taken over, the run stops at once rather than finishing work that can no longer count.</summary>
    [PostgresFact]
    public async Task Heartbeat_FindingTheLeaseTakenOver_CancelsTheRun()
    {
        var gate = new ProbeGate { Hold = true, HonourCancellation = true };
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres, WithProbe(gate), new() { ["Jobs:Lease"] = "00:00:00.600" });
        var tenant = await AddTenantAsync(host);
        var jobId = await EnqueueAsync(host, tenant, new ProbeJob("taken over"));

        var run = Runner(host).RunNextAsync(CancellationToken.None);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Another worker's claim: a new lock token on the row.
        await using (var connection = new NpgsqlConnection(host.Database.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var steal = new NpgsqlCommand("UPDATE background_jobs SET lock_token = gen_random_uuid(), locked_by = 'worker-b' WHERE id = @id", connection);
            steal.Parameters.AddWithValue("id", jobId);
            Assert.Equal(1, await steal.ExecuteNonQueryAsync());
        }

        Assert.True(await run.WaitAsync(TimeSpan.FromSeconds(30)));

        var job = await LoadAsync(host, jobId);
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal("worker-b", job.LockedBy);
        Assert.Equal(0, await EffectsAsync(host, tenant, jobId));
    }
}
