using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Blobs;

/// <summary>Deletes blobs their owners no longer need; scheduled daily.</summary>
public sealed record CollectBlobs : IJobPayload
{
    public static string JobType => "blobs.collect";
}

/// <summary>
/// A blob is owned by the rows that name it: an uploaded file, a recording's original and its decoded streams.
/// Once none does (an athlete removed, an activity deleted past its restore window) it is collected after the
/// grace period; a purged tenant's whole folder goes the same way. Each tenant is read in its own scope (row-level
/// security sees one tenant at a time), so the handler runs outside the job's transaction.
/// </summary>
internal sealed partial class CollectBlobsHandler(IServiceScopeFactory scopes, BlobCollector collector, TimeProvider clock, ILogger<CollectBlobsHandler> logger)
    : IJobHandler<CollectBlobs>, IRunsOutsideTransaction
{
    public async Task HandleAsync(CollectBlobs payload, JobContext context, CancellationToken cancellationToken)
    {
        collector.SweepIncoming();
        var folders = collector.TenantFolders();
        var tenants = (await context.Db.Tenants.Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        // While blobs from before tenants owned them remain, every tenant is visited to adopt its own copies.
        var legacy = collector.HasLegacy;
        var collected = 0;
        foreach (var tenantId in legacy ? tenants : folders.Where(tenants.Contains))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            var live = await LiveBlobsAsync(scope.ServiceProvider.GetRequiredService<FormaDbContext>(), cancellationToken);
            if (legacy)
            {
                collector.AdoptLegacy(tenantId, live);
            }

            collected += collector.CollectUnreferenced(tenantId, live);
        }

        if (legacy)
        {
            collector.RetireLegacy();
        }

        var departed = collector.CollectDeparted(folders, tenants);
        LogCollected(collected, departed);
    }

    /// <summary>The hashes the tenant's rows still name; rows of activities deleted beyond their restore window no longer count.</summary>
    private async Task<IReadOnlySet<string>> LiveBlobsAsync(FormaDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - ActivityEndpoints.RestoreWindow;
        var expired = db.Activities.Where(a => a.DeletedAt != null && a.DeletedAt < cutoff).Select(a => a.Id);
        var recordings = await db.Recordings.Where(r => !expired.Contains(r.ActivityId))
            .Select(r => new { r.Sha256, r.StreamsSha256 }).ToListAsync(cancellationToken);
        var uploads = await db.ImportFiles.Where(f => f.ActivityId == null || !expired.Contains(f.ActivityId.Value))
            .Select(f => f.Sha256).ToListAsync(cancellationToken);
        var live = new HashSet<string>(uploads, StringComparer.Ordinal);
        foreach (var recording in recordings)
        {
            live.Add(recording.Sha256);
            live.Add(recording.StreamsSha256);
        }

        return live;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob collection: {Blobs} unreferenced blobs and {Tenants} purged tenants' folders deleted")]
    private partial void LogCollected(int blobs, int tenants);
}
