using Forma.Data.BackgroundJobs;
using Forma.Testing;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.BackgroundJobs;

/// <summary>Issue #18 B.1: one tenant's backlog stalled every other tenant's imports under a global FIFO claim.</summary>
public class FairClaimTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_WithOneTenantsBacklog_GivesOtherTenantsTheNextTurns(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var (backlogged, small, later) = (await AddTenantAsync(host), await AddTenantAsync(host), await AddTenantAsync(host));
        var backlog = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            backlog.Add(await EnqueueAsync(host, backlogged, new ProbeJob($"backlog {i}")));
            host.Clock.Advance(TimeSpan.FromMilliseconds(1)); // jobs of one instant have no order among them
        }

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var smallJob = await EnqueueAsync(host, small, new ProbeJob("one file"));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var laterJob = await EnqueueAsync(host, later, new ProbeJob("another file"));

        // Round-robin: the backlog's oldest job, then each waiting tenant in turn; under FIFO they ran 31st and 32nd.
        var all = backlog.Append(smallJob).Append(laterJob).ToList();
        var order = new List<Guid>();
        for (var run = 0; run < 4; run++)
        {
            Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));
            order.Add(Assert.Single((await SucceededAsync(host, all)).Except(order)));
        }

        Assert.Equal([backlog[0], smallJob, laterJob, backlog[1]], order);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RunNext_WithTwoBacklogs_AlternatesBetweenTheTenants(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var (first, second) = (await AddTenantAsync(host), await AddTenantAsync(host));
        var firstJobs = new List<Guid>();
        var secondJobs = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            firstJobs.Add(await EnqueueAsync(host, first, new ProbeJob($"first {i}")));
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
        {
            secondJobs.Add(await EnqueueAsync(host, second, new ProbeJob($"second {i}")));
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        for (var run = 0; run < 10; run++)
        {
            Assert.True(await Runner(host).RunNextAsync(CancellationToken.None));
        }

        // Ten turns, five each, each tenant's jobs in their own order.
        var firstDone = await SucceededAsync(host, firstJobs);
        var secondDone = await SucceededAsync(host, secondJobs);
        Assert.Equal(firstJobs[..5], firstDone);
        Assert.Equal(secondJobs[..5], secondDone);
    }

    private static async Task<List<Guid>> SucceededAsync(DataHost host, List<Guid> jobs)
    {
        var done = new List<Guid>();
        foreach (var id in jobs)
        {
            if ((await LoadAsync(host, id)).State == JobState.Succeeded)
            {
                done.Add(id);
            }
        }

        return done;
    }
}
