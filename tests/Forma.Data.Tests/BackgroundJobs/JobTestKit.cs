using Forma.Data.BackgroundJobs;
using Forma.Data.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.Tests.BackgroundJobs;

internal static class JobTestKit
{
    public static Action<IServiceCollection> WithProbe(ProbeGate? gate = null) => services =>
    {
        services.AddSingleton(gate ?? new ProbeGate());
        services.AddJobHandler<ProbeJob, ProbeJobHandler>();
    };

    public static async Task<Guid> AddTenantAsync(DataHost host)
    {
        var (scope, db) = host.Scope();
        await using (scope)
        {
            var tenant = TenantSamples.NewTenant(host.Clock.GetUtcNow().UtcDateTime);
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
            return tenant.Id;
        }
    }

    public static async Task<Guid> EnqueueAsync(DataHost host, Guid tenantId, ProbeJob payload, int maxAttempts = BackgroundJob.DefaultMaxAttempts)
    {
        var (scope, db) = host.Scope(tenantId);
        await using (scope)
        {
            var job = db.Enqueue(payload, host.Clock.GetUtcNow().UtcDateTime, maxAttempts: maxAttempts);
            await db.SaveChangesAsync();
            return job.Id;
        }
    }

    public static async Task<BackgroundJob> LoadAsync(DataHost host, Guid jobId)
    {
        var (scope, db) = host.Scope();
        await using (scope)
        {
            return await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        }
    }

    /// <summary>Runs that took effect: audit events the probe wrote for this job, read in the job's tenant.</summary>
    public static async Task<int> EffectsAsync(DataHost host, Guid tenantId, Guid jobId)
    {
        var (scope, db) = host.Scope(tenantId);
        await using (scope)
        {
            var target = jobId.ToString();
            return await db.AuditEvents.CountAsync(e => e.Action == ProbeJobHandler.Action && e.TargetId == target);
        }
    }

    public static JobRunner Runner(DataHost host) => host.Services.GetRequiredService<JobRunner>();
}
