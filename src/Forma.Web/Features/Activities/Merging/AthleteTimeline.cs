using Forma.Core.Athletes;
using Forma.Data;
using Forma.Data.Concurrency;

namespace Forma.Web.Features.Activities.Merging;

/// <summary>
/// Serialises changes to one athlete's activities for the rest of the current transaction, so two recordings
/// of one workout parsed at the same moment by two worker lanes (or an import racing a dedup) cannot both see
/// "no activity yet" and create two: a lock on the athlete's row (<see cref="TransactionLocks"/>).
/// </summary>
internal static class AthleteTimeline
{
    public static Task LockAsync(FormaDbContext db, Guid athleteId, CancellationToken cancellationToken) =>
        TransactionLocks.RowAsync<Athlete>(db, athleteId, cancellationToken);
}
