using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Activities.Merging;
using Forma.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>The third step: merges the groups it is given, each on its own (one refused group does not stop the others), each undoable.</summary>
internal sealed class ExecuteDeduplication(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<DeduplicationExecution> RunAsync(Caller caller, Guid athleteId, DeduplicationExecuteRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesWrite);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        ActivityAccess.EnsureMayChange(caller);
        RequestValidation.Ensure(request);
        foreach (var group in request.Groups!)
        {
            RequestValidation.Ensure(group);
        }

        var outcomes = new List<MergeOutcome>();
        foreach (var group in request.Groups!)
        {
            outcomes.Add(await MergeOneAsync(athleteId, group, caller, clock.GetUtcNow().UtcDateTime, cancellationToken));
        }

        return new DeduplicationExecution(outcomes.Count(o => o.Merged), outcomes.Count(o => !o.Merged), outcomes);
    }

    /// <summary>One group in its own transaction, under the athlete's timeline lock, checked again there: the library may have changed since the dry run.</summary>
    private async Task<MergeOutcome> MergeOneAsync(Guid athleteId, MergeGroupRequest group, Caller caller, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AthleteTimeline.LockAsync(db, athleteId, cancellationToken);
        var check = await MergeGroups.CheckAsync(db, athleteId, group, track: true, cancellationToken);
        if (check.Keep is not { } keep)
        {
            return new MergeOutcome(group.KeepActivityId!.Value, false, [], check.ErrorCode, check.Error);
        }

        var mergeIds = new List<Guid>();
        foreach (var absorbed in check.Merge)
        {
            var recordings = await db.Recordings.Where(r => r.ActivityId == absorbed.Id).ToListAsync(cancellationToken);
            var merge = ActivityMerge.Perform(keep, absorbed, recordings, caller.UserId, now);
            db.ActivityMerges.Add(merge);
            db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "activity.merged", now, caller.UserId, keep.Id.ToString(),
                $$"""{"mergeId":"{{merge.Id}}","absorbedActivityId":"{{absorbed.Id}}","recordings":{{merge.RecordingIds}}}"""));
            mergeIds.Add(merge.Id);
            db.Enqueue(new AnalyzeActivity(absorbed.Id), now);
        }

        db.Enqueue(new AnalyzeActivity(keep.Id), now);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MergeOutcome(keep.Id, true, mergeIds, null, null);
    }
}
