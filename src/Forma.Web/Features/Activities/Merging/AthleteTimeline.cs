using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Merging;

/// <summary>
/// Serialises changes to one athlete's activities for the rest of the current transaction, so two recordings
/// of one workout parsed at the same moment by two worker lanes (or an import racing a dedup) cannot both see
/// "no activity yet" and create two. On PostgreSQL a row lock on the athlete (NO KEY UPDATE: it does not block
/// foreign-key checks of unrelated inserts); SQLite's write transaction already admits one writer at a time.
/// </summary>
internal static class AthleteTimeline
{
    public static async Task LockAsync(FormaDbContext db, Guid athleteId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The athlete's timeline is locked inside a transaction; the lock ends with it.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM athletes WHERE id = {athleteId} FOR NO KEY UPDATE", cancellationToken);
        }
    }
}
