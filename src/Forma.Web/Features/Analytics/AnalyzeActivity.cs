using System.Text.Json;
using Forma.Core.Activities;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Formats;
using Forma.Web.Features.Activities;
using Forma.Web.Features.Activities.Merging;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>Queued whenever an activity is created, merged, split, deleted or restored, or its thresholds change.</summary>
public sealed record AnalyzeActivity(Guid ActivityId) : IJobPayload
{
    public static string JobType => "analytics.analyze-activity";
}

/// <summary>
/// Analyses one activity from its fused streams with the thresholds valid on its day: metrics (and per lap),
/// mean-max curves, best efforts. An activity that no longer counts (deleted, merged away) keeps its rows
/// but drops out of every aggregate, which reads only counting activities. Either way the athlete's load
/// series and PR feed are marked stale from that day and one refresh is queued. The computing happens before
/// the short write transaction.
/// </summary>
internal sealed class AnalyzeActivityHandler(BlobStore blobs, TimeProvider clock) : IJobHandler<AnalyzeActivity>, IRunsOutsideTransaction
{
    public async Task HandleAsync(AnalyzeActivity payload, JobContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == payload.ActivityId, cancellationToken);
        if (activity is null)
        {
            return; // the athlete (and with them the activity) was deleted
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == activity.TenantId, cancellationToken);
        var day = ActivityDay.Of(activity.StartTime, ActivityDay.ZoneOf(tenant));
        var counts = activity.DeletedAt is null && activity.MergedIntoId is null;
        var result = counts ? await ComputeAsync(db, activity, day, cancellationToken) : null;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AthleteTimeline.LockAsync(db, activity.AthleteId, cancellationToken); // one writer of the athlete's analytics state at a time
        var previousDay = await db.ActivityAnalyses.Where(a => a.ActivityId == activity.Id).Select(a => (DateOnly?)a.Day).SingleOrDefaultAsync(cancellationToken);
        if (result is not null)
        {
            await StoreAsync(db, activity, day, result, now, cancellationToken);
        }

        var staleFrom = previousDay is { } before && before < day ? before : day;
        await AnalyticsRefresh.MarkStaleAsync(db, activity.TenantId, activity.AthleteId, staleFrom, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ActivityAnalysisResult?> ComputeAsync(FormaDbContext db, Activity activity, DateOnly day, CancellationToken cancellationToken)
    {
        if (await ActivityStreams.LoadAsync(db, blobs, activity, cancellationToken) is not { } fused)
        {
            return null;
        }

        var physiology = await AthletePhysiology.LoadAsync(db, activity.AthleteId, cancellationToken);
        var thresholds = physiology.On(day);
        var zones = await AthleteZones.ForAsync(db, activity.AthleteId, thresholds, activity.Sport, cancellationToken);
        var laps = await LapRowsAsync(db, activity, fused.Streams, cancellationToken);
        return ActivityAnalysisResult.Compute(fused.Streams, activity, thresholds, zones, laps);
    }

    /// <summary>The primary recording's laps as row ranges of the fused streams (they share the primary's clock).</summary>
    private async Task<IReadOnlyList<(int From, int To)>> LapRowsAsync(FormaDbContext db, Activity activity, SampleStreams streams, CancellationToken cancellationToken)
    {
        var primary = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == activity.PrimaryRecordingId, cancellationToken);
        if (primary is null || streams[StreamNames.Time] is not { } time)
        {
            return [];
        }

        return LapRanges.Of((await RecordingSegments.LoadAsync(db, blobs, primary, cancellationToken)).Laps, primary.StartTime, time);
    }

    private static async Task StoreAsync(FormaDbContext db, Activity activity, DateOnly day, ActivityAnalysisResult result, DateTime now, CancellationToken cancellationToken)
    {
        var details = JsonSerializer.Serialize(result.Details, AnalysisJson.Options);
        var numbers = result.Numbers;
        var existing = await db.ActivityAnalyses.SingleOrDefaultAsync(a => a.ActivityId == activity.Id, cancellationToken);
        if (existing is null)
        {
            db.ActivityAnalyses.Add(ActivityAnalysis.Create(activity.TenantId, activity.Id, activity.AthleteId, day, activity.Sport, numbers, details, now));
        }
        else
        {
            existing.Replace(day, activity.Sport, numbers, details, now);
        }

        await db.ActivityCurves.Where(c => c.ActivityId == activity.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ActivityBests.Where(b => b.ActivityId == activity.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var (stream, curve) in result.Curves)
        {
            db.ActivityCurves.Add(ActivityCurve.Create(activity.TenantId, activity.Id, activity.AthleteId, stream, day, curve.Length, Forma.Analytics.Curves.CurveCodec.Encode(curve)));
        }

        foreach (var (key, value) in result.Bests)
        {
            db.ActivityBests.Add(ActivityBest.Create(activity.TenantId, activity.Id, activity.AthleteId, key, value, activity.StartTime));
        }
    }
}
