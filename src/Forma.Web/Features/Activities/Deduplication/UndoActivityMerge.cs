using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Activities.Merging;
using Forma.Web.Features.Analytics;
using Forma.Web.Features.Athletes;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>Undoes a merge: the absorbed activity comes back with its recordings, and both are analysed again.</summary>
internal sealed class UndoActivityMerge(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<MergeRecord> RunAsync(Caller caller, Guid mergeId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesWrite);
        var merge = await db.ActivityMerges.SingleOrDefaultAsync(m => m.Id == mergeId && db.Athletes.VisibleTo(caller, db).Any(a => a.Id == m.AthleteId), cancellationToken)
            ?? throw DomainException.NotFound("merge");
        ActivityAccess.EnsureMayChange(caller);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AthleteTimeline.LockAsync(db, merge.AthleteId, cancellationToken);
        await db.Entry(merge).ReloadAsync(cancellationToken);
        var target = await db.Activities.SingleAsync(a => a.Id == merge.TargetActivityId, cancellationToken);
        var absorbed = await db.Activities.SingleAsync(a => a.Id == merge.AbsorbedActivityId, cancellationToken);
        var recordings = await db.Recordings.Where(r => r.ActivityId == target.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            merge.Undo(target, absorbed, recordings, now);
        }
        catch (DomainException error)
        {
            // Whatever the domain says stands in the way, it is the state of the library that conflicts with the undo.
            throw DomainException.Conflict(error.Code, error.Message);
        }

        db.Enqueue(new AnalyzeActivity(target.Id), now);
        db.Enqueue(new AnalyzeActivity(absorbed.Id), now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "activity.merge-undone", now, caller.UserId, target.Id.ToString(),
            $$"""{"mergeId":"{{merge.Id}}","absorbedActivityId":"{{absorbed.Id}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ListActivityMerges.ToRecord(merge);
    }
}
