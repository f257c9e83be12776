using Forma.Data.BackgroundJobs;
using Forma.Data.Tenancy;
using Forma.Data.Tests.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Data.Tests.BackgroundJobs.JobTestKit;

namespace Forma.Data.Tests.Tenancy;

/// <summary>Jobs are platform rows, but a tenant's unit of work sees and creates only its own.</summary>
public class TaggedPlatformRowTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task EnqueueForAnotherTenant_WhileActingForOne_IsRefused(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var a = await AddTenantAsync(host);
        var b = await AddTenantAsync(host);

        var (scope, db) = host.Scope(a);
        await using (scope)
        {
            db.BackgroundJobs.Add(BackgroundJob.Create(ProbeJob.JobType, "{}", b, host.Clock.GetUtcNow().UtcDateTime));
            await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Jobs_AsATenant_ShowOnlyItsOwn_AndAsThePlatform_ShowAll(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider, WithProbe());
        var a = await AddTenantAsync(host);
        var b = await AddTenantAsync(host);
        var jobA = await EnqueueAsync(host, a, new ProbeJob("a"));
        var jobB = await EnqueueAsync(host, b, new ProbeJob("b"));

        var (scopeA, dbA) = host.Scope(a);
        await using (scopeA)
        {
            Assert.Equal([jobA], await dbA.BackgroundJobs.Select(j => j.Id).ToListAsync());
        }

        var (platformScope, platform) = host.Scope();
        await using (platformScope)
        {
            Assert.Equal(new[] { jobA, jobB }.Order(), (await platform.BackgroundJobs.Select(j => j.Id).ToListAsync()).Order());
        }
    }
}
