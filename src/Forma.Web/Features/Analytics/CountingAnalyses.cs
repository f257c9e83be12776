using Forma.Core.Training;
using Forma.Data;
using Forma.Web.Features.Activities;

namespace Forma.Web.Features.Analytics;

/// <summary>
/// The analyses that count toward load, curves and bests: of activities that are neither deleted nor merged
/// into another (a merged workout counts once, through the activity that holds its recordings).
/// </summary>
internal static class CountingAnalyses
{
    public static IQueryable<ActivityAnalysis> Of(FormaDbContext db, Guid athleteId) =>
        db.ActivityAnalyses.Where(a => a.AthleteId == athleteId
            && db.Activities.Counting().Any(x => x.Id == a.ActivityId));

    public static IQueryable<ActivityBest> Bests(FormaDbContext db, Guid athleteId) =>
        db.ActivityBests.Where(b => b.AthleteId == athleteId
            && db.Activities.Counting().Any(x => x.Id == b.ActivityId));

    public static IQueryable<ActivityCurve> Curves(FormaDbContext db, Guid athleteId, string stream) =>
        db.ActivityCurves.Where(c => c.AthleteId == athleteId && c.Stream == stream
            && db.Activities.Counting().Any(x => x.Id == c.ActivityId));
}
