using Forma.Core.Accounts;
using Forma.Data;
using Forma.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>A recent activity with the load it added.</summary>
public sealed record DashboardActivity(ActivitySummary Activity, double? Load, string? LoadMethod);

/// <summary>Everything the athlete dashboard shows, in one round trip: the last 90 days of fitness, standing bests, the last 20 activities and PRs.</summary>
public sealed record Dashboard(IReadOnlyList<FitnessDay> Fitness, IReadOnlyList<BestResponse> Bests, IReadOnlyList<DashboardActivity> RecentActivities, IReadOnlyList<RecordResponse> RecentRecords);

/// <summary>
/// The athlete dashboard's data. Every part is read from stored, indexed rows (the load series, the bests, the
/// activity list) — nothing is computed from samples on the request path.
/// </summary>
internal sealed class ReadDashboard(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public const int RecentActivities = 20;
    public const int FitnessDays = 90;
    public const int RecentRecords = 10;

    public async Task<Dashboard> RunAsync(Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesRead);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var fitness = await ReadFitness.ReadDaysAsync(db, athleteId, today.AddDays(-FitnessDays + 1), today, cancellationToken);
        // The whole PR feed is a few rows per category however long the history: one read gives the standing bests and the latest PRs.
        var feed = await db.PersonalRecords.AsNoTracking().Where(p => p.AthleteId == athleteId).ToListAsync(cancellationToken);
        var recent = await db.Activities.AsNoTracking().Counting().Where(a => a.AthleteId == athleteId)
            .OrderByDescending(a => a.StartTime).ThenByDescending(a => a.Id).Take(RecentActivities)
            .GroupJoin(db.ActivityAnalyses.AsNoTracking(), a => a.Id, x => x.ActivityId, (a, x) => new { Activity = a, Analysis = x })
            .SelectMany(j => j.Analysis.DefaultIfEmpty(), (j, x) => new { j.Activity, Load = x == null ? null : x.Load, LoadMethod = x == null ? null : x.LoadMethod })
            .ToListAsync(cancellationToken);
        var records = feed.OrderByDescending(p => p.AchievedAt).ThenBy(p => p.Key, StringComparer.Ordinal).Take(RecentRecords)
            .Select(p => new RecordResponse(p.Id, p.Key, p.Value, p.PreviousValue, p.ActivityId, p.AchievedAt)).ToList();
        var activities = recent.OrderByDescending(r => r.Activity.StartTime).ThenByDescending(r => r.Activity.Id)
            .Select(r => new DashboardActivity(ActivitySummary.From(r.Activity), r.Load, r.LoadMethod)).ToList();
        return new Dashboard(fitness, CurveEndpoints.StandingBests(feed), activities, records);
    }
}
