using Forma.Core.Training;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>
/// The PR feed, rebuilt from the counting bests in time order: an activity is a PR in a category when it beats
/// every earlier one. Rebuilding (rather than appending) keeps the feed true after deletes, merges and threshold
/// changes; it reads one row per activity and category.
/// </summary>
internal static class PersonalRecords
{
    public static async Task RebuildAsync(FormaDbContext db, Guid athleteId, DateTime now, CancellationToken cancellationToken)
    {
        var bests = await CountingAnalyses.Bests(db, athleteId).AsNoTracking()
            .OrderBy(b => b.AchievedAt).ThenBy(b => b.ActivityId).ToListAsync(cancellationToken);
        await db.PersonalRecords.Where(p => p.AthleteId == athleteId).ExecuteDeleteAsync(cancellationToken);
        var standing = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var best in bests)
        {
            var had = standing.TryGetValue(best.Key, out var previous);
            if (!had || Better(best.Key, best.Value, previous))
            {
                db.PersonalRecords.Add(PersonalRecord.Create(best, had ? previous : null, now));
                standing[best.Key] = best.Value;
            }
        }
    }

    public static bool Better(string key, double value, double than) => BestKeys.HigherIsBetter(key) ? value > than : value < than;
}
