using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities;

/// <summary>Undoes a merge for one recording: it becomes an activity of its own; the rest keep a primary.</summary>
internal sealed class SplitRecording(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<ActivitySummary> RunAsync(Caller caller, Guid activityId, Guid recordingId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesWrite);
        var activity = await ActivityEndpoints.FindAsync(activityId, caller, db, includeDeleted: false, cancellationToken, track: true)
            ?? throw DomainException.NotFound("activity");
        ActivityAccess.EnsureMayChange(caller);
        var recordings = await db.Recordings.Where(r => r.ActivityId == activityId).ToListAsync(cancellationToken);
        var leaving = recordings.SingleOrDefault(r => r.Id == recordingId)
            ?? throw new DomainException(RefusalKind.NotFound, "not-found", "Not one of this activity's recordings.");
        if (recordings.Count == 1)
        {
            throw DomainException.Conflict("nothing-to-split", "This activity has only one recording.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var separate = Activity.FromRecordingFacts(caller.TenantId, activity.AthleteId, leaving.Facts(), activity.Name, now);
        db.Activities.Add(separate);
        leaving.MoveTo(separate);
        separate.SetPrimary(leaving);
        if (activity.PrimaryRecordingId == leaving.Id)
        {
            activity.SetPrimary(recordings.First(r => r.Id != leaving.Id));
        }

        db.Enqueue(new AnalyzeActivity(activityId), now);
        db.Enqueue(new AnalyzeActivity(separate.Id), now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "activity.split", now, caller.UserId, activityId.ToString(),
            $$"""{"recordingId":"{{leaving.Id}}","newActivityId":"{{separate.Id}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return ActivitySummary.From(separate);
    }
}
