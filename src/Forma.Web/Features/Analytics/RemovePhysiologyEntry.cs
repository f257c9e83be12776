using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Activities;
using Forma.Web.Features.Athletes;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>Removes an entry of an athlete's physiology history; activities from its date on are analysed again.</summary>
internal sealed class RemovePhysiologyEntry(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid athleteId, Guid entryId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesWrite);
        var entry = await db.PhysiologyEntries.SingleOrDefaultAsync(p => p.Id == entryId && p.AthleteId == athleteId && db.Athletes.VisibleTo(caller, db).Any(a => a.Id == athleteId), cancellationToken)
            ?? throw DomainException.NotFound("entry");
        ActivityAccess.EnsureMayChange(caller);
        var now = clock.GetUtcNow().UtcDateTime;
        db.PhysiologyEntries.Remove(entry);
        db.Enqueue(new ReanalyzeAthlete(athleteId, entry.EffectiveFrom), now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "athlete.physiology-removed", now, caller.UserId, athleteId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
