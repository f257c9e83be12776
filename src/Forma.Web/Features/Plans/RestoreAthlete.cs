using Forma.Core;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>Restores an archived athlete, within the plan's limit of active athletes (402 beyond it).</summary>
internal sealed class RestoreAthlete(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        caller.RequireManager(OverLimitEndpoints.OwnersOnlyMessage);
        var athlete = await db.Athletes.SingleOrDefaultAsync(a => a.Id == athleteId, cancellationToken) ?? throw DomainException.NotFound("athlete");
        if (athlete.ArchivedAt is null)
        {
            return;
        }

        athlete.Restore();
        db.AuditEvents.Add(AuditEvent.Record(athlete.TenantId, "athlete.restored", clock.GetUtcNow().UtcDateTime, caller.UserId, athlete.Id.ToString()));
        await plan.AdmitGaugeAsync(PlanLimit.ActiveAthletes, 1, PlanGate.ActiveAthletes(db).LongCountAsync, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
    }
}
