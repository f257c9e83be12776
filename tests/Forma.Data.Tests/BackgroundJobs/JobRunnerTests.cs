using Forma.Data.BackgroundJobs;
using Forma.Testing;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.BackgroundJobs;

public class JobRunnerTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_WithADueJob_RunsItInItsTenantAndMarksItSucceeded(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var tenant = await AddTenantAsync(host);
        var jobId = await EnqueueAsync(host, tenant, new ProbeJob("hello"));

        Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));

        var job = await LoadAsync(host, jobId);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.LockToken);
        Assert.Equal(1, await EffectsAsync(host, tenant, jobId));
        Assert.False(await Runner(host).RunNextAsync(CancellationToken.None));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_WhenTheHandlerFails_RollsBackItsEffectAndRetriesAfterABackOff(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe(), new() { ["Jobs:RetryBaseDelay"] = "00:00:10" });
        var tenant = await AddTenantAsync(host);
        var jobId = await EnqueueAsync(host, tenant, new ProbeJob("flaky", FailTimes: 1));
        var failedAt = host.Clock.GetUtcNow().UtcDateTime;

        Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));

        var job = await LoadAsync(host, jobId);
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Contains("Planned failure 1 of 1", job.LastError, StringComparison.Ordinal);
        // First retry: ceiling = base = 10 s; equal jitter puts the delay in [5 s, 10 s].
        Assert.InRange(job.RunAt, failedAt.AddSeconds(5), failedAt.AddSeconds(10));
        Assert.Equal(0, await EffectsAsync(host, tenant, jobId));
        Assert.False(await Runner(host).RunNextAsync(CancellationToken.None));

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));
        job = await LoadAsync(host, jobId);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(2, job.Attempts);
        Assert.Equal(1, await EffectsAsync(host, tenant, jobId));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_AfterTheLastAttemptFails_DeadLettersTheJob(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var tenant = await AddTenantAsync(host);
        var jobId = await EnqueueAsync(host, tenant, new ProbeJob("doomed", FailTimes: 99), maxAttempts: 3);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));
            host.Clock.Advance(TimeSpan.FromHours(2));
        }

        var job = await LoadAsync(host, jobId);
        Assert.Equal(JobState.DeadLettered, job.State);
        Assert.Equal(3, job.Attempts);
        Assert.NotNull(job.CompletedAt);
        Assert.False(await Runner(host).RunNextAsync(CancellationToken.None));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_WithAnUnknownJobType_FailsTheJobInsteadOfDroppingIt(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var (scope, db) = host.Scope();
        await using (scope)
        {
            db.BackgroundJobs.Add(BackgroundJob.Create("no.such-type", "{}", null, host.Clock.GetUtcNow().UtcDateTime, maxAttempts: 1));
            await db.SaveChangesAsync();
        }

        Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));

        var (checkScope, check) = host.Scope();
        await using (checkScope)
        {
            var job = Assert.Single(check.BackgroundJobs);
            Assert.Equal(JobState.DeadLettered, job.State);
            Assert.Contains("no.such-type", job.LastError, StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_WithAJobDueLater_LeavesItAlone(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var tenant = await AddTenantAsync(host);
        var (scope, db) = host.Scope(tenant);
        await using (scope)
        {
            db.Enqueue(new ProbeJob("later"), host.Clock.GetUtcNow().UtcDateTime, runAt: host.Clock.GetUtcNow().UtcDateTime.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        Assert.False(await Runner(host).RunNextAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));
    }
}
