using Forma.Core.Accounts;
using Forma.Core.Training;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>An athlete's physiology history, newest first, and the values in force today.</summary>
internal sealed class ListPhysiology(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<PhysiologyHistory> RunAsync(Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesRead);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        var physiology = await AthletePhysiology.LoadAsync(db, athleteId, cancellationToken);
        var entries = await db.PhysiologyEntries.AsNoTracking().Where(p => p.AthleteId == athleteId).OrderByDescending(p => p.EffectiveFrom).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new PhysiologyHistory(entries.Select(ToResponse).ToList(), physiology.ValuesOn(today));
    }

    public static PhysiologyEntryResponse ToResponse(PhysiologyEntry e) => new(e.Id, e.EffectiveFrom, e.Values(), e.CreatedAt);
}
