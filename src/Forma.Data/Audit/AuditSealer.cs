using Forma.Core.Audit;
using Forma.Data.BackgroundJobs;
using Forma.Data.Concurrency;
using Forma.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.Audit;

/// <summary>
/// Seals a tenant's new audit entries onto its hash chain, in the order they happened. Appending stays a
/// plain insert (no business transaction waits on the chain); sealing runs every minute in the background
/// and before the log is read or verified. One sealer per tenant at a time (<see cref="TransactionLocks"/>),
/// with the unique (tenant, sequence) index as the backstop.
/// </summary>
public static class AuditSealer
{
    public static async Task<int> SealAsync(FormaDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId ?? throw new TenantIsolationException("Sealing the audit chain needs a tenant in scope.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TransactionLocks.TenantAsync(db, tenantId, "audit-chain", cancellationToken);

        var last = await db.AuditEvents.Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var unsealed = await db.AuditEvents.Where(e => e.Sequence == null).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        AuditChain.Seal(unsealed, last?.Sequence ?? 0, last?.Hash ?? "");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return unsealed.Count;
    }
}

/// <summary>Seals every tenant's audit chain; scheduled every minute.</summary>
public sealed record SealAuditChains : IJobPayload
{
    public static string JobType => "audit.seal-chains";
}

/// <summary>
/// Each tenant is sealed in its own scope and transaction, so the handler runs outside the job's transaction:
/// on SQLite the job's open transaction would hold the one write lock its own per-tenant transactions then
/// wait for — a self-deadlock that froze every writer for the busy timeout once a minute.
/// </summary>
internal sealed class SealAuditChainsHandler(IServiceScopeFactory scopes) : IJobHandler<SealAuditChains>, IRunsOutsideTransaction
{
    public async Task HandleAsync(SealAuditChains payload, JobContext context, CancellationToken cancellationToken)
    {
        var tenantIds = await context.Db.Tenants.Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var tenantId in tenantIds)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            await AuditSealer.SealAsync(scope.ServiceProvider.GetRequiredService<FormaDbContext>(), cancellationToken);
        }
    }
}
