using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>Goes back to the model zones (from the thresholds) for one kind; every activity is re-analysed.</summary>
internal sealed class RemoveCustomZones(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid athleteId, string kind, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesWrite);
        await ZoneChanges.EnsureMayChangeAsync(db, caller, athleteId, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.CustomZones.Where(z => z.AthleteId == athleteId && z.Kind == kind).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            db.Enqueue(new ReanalyzeAthlete(athleteId, DateOnly.MinValue), now);
            db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "athlete.zones-removed", now, caller.UserId, athleteId.ToString(), $$"""{"kind":"{{kind}}"}"""));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
