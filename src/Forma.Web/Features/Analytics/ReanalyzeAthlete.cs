using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>Queued when an athlete's physiology changes: every activity from that day on is analysed again.</summary>
public sealed record ReanalyzeAthlete(Guid AthleteId, DateOnly From) : IJobPayload
{
    public static string JobType => "analytics.reanalyze-athlete";
}

/// <summary>
/// Queues one analysis per activity on or after the day (a day early in UTC, so no activity near midnight in
/// the business's time zone is missed; analysing one too many is harmless). Only what depends on the change
/// is recomputed: earlier activities keep their analyses.
/// </summary>
internal sealed class ReanalyzeAthleteHandler(TimeProvider clock) : IJobHandler<ReanalyzeAthlete>
{
    public async Task HandleAsync(ReanalyzeAthlete payload, JobContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var from = (payload.From == DateOnly.MinValue ? payload.From : payload.From.AddDays(-1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var ids = await db.Activities.Counting().Where(a => a.AthleteId == payload.AthleteId && a.StartTime >= from)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in ids)
        {
            db.Enqueue(new AnalyzeActivity(id), now);
        }
    }
}
