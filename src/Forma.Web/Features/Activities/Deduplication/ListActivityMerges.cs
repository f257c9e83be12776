using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Data;
using Forma.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>An athlete's merges, newest first (the last 500), with whether each was undone.</summary>
internal sealed class ListActivityMerges(FormaDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<MergeRecord>> RunAsync(Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesRead);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        var merges = await db.ActivityMerges.AsNoTracking().Where(m => m.AthleteId == athleteId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(500).ToListAsync(cancellationToken);
        return merges.Select(ToRecord).ToList();
    }

    public static MergeRecord ToRecord(ActivityMerge m) => new(m.Id, m.TargetActivityId, m.AbsorbedActivityId, m.MovedRecordingIds(), m.CreatedAt, m.UndoneAt);
}
