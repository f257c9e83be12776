using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Audit;

/// <summary>Recomputes the business's hash chain and names the first entry that was altered or removed.</summary>
internal sealed class VerifyAudit(FormaDbContext db) : IUseCase
{
    public async Task<AuditVerification> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireManager(AuditAccess.ManagersOnly);
        await AuditSealer.SealAsync(db, cancellationToken);
        var chain = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var broken = AuditChain.FindBreak(chain);
        return broken is { } b
            ? new AuditVerification(false, chain.Count, b.Entry.Id, b.Entry.Sequence, b.Reason)
            : new AuditVerification(true, chain.Count, null, null, null);
    }
}
