using Forma.Core.Tenancy;
using Forma.Data.BackgroundJobs;
using Forma.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Lifecycle;

/// <summary>Queued when a business closes, to run when its retention period ends.</summary>
public sealed record PurgeClosedTenant : IJobPayload
{
    public static string JobType => "tenants.purge-closed";
}

/// <summary>
/// Deletes a closed business and everything it owns once <see cref="Tenant.PurgeAfter"/> has passed. A
/// business reopened in the meantime is left alone; one closed again gets a job of its own.
/// </summary>
internal sealed partial class PurgeClosedTenantHandler(TimeProvider clock, ILogger<PurgeClosedTenantHandler> logger) : IJobHandler<PurgeClosedTenant>
{
    public async Task HandleAsync(PurgeClosedTenant payload, JobContext context, CancellationToken cancellationToken)
    {
        var tenantId = context.TenantId ?? throw new InvalidOperationException("A purge runs for one tenant.");
        var tenant = await context.Db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null || tenant.Status != TenantStatus.Closed || tenant.PurgeAfter > clock.GetUtcNow().UtcDateTime)
        {
            LogSkipped(tenantId);
            return;
        }

        var rows = await TenantPurge.PurgeAsync(context.Db, tenantId, context.JobId, cancellationToken);
        LogPurged(tenantId, rows);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} was not purged: it is open again or not yet due")]
    private partial void LogSkipped(Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} purged: {Rows} rows deleted")]
    private partial void LogPurged(Guid tenantId, int rows);
}
