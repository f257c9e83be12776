using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>
/// Sets an athlete's values from a date on (a second change on the same date replaces that day's entry). The change
/// queues re-analysis of every activity from its date on, so load, zones and bests follow the values valid on each
/// activity's day; earlier activities are untouched.
/// </summary>
internal sealed class SetPhysiology(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<PhysiologyEntryResponse> RunAsync(Caller caller, Guid athleteId, PhysiologyRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesWrite);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        ActivityAccess.EnsureMayChange(caller);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = request.EffectiveFrom ?? DateOnly.FromDateTime(now);
        var entry = PhysiologyEntry.Create(caller.TenantId, athleteId, from, request.Values(), caller.UserId, now);
        await db.PhysiologyEntries.Where(p => p.AthleteId == athleteId && p.EffectiveFrom == from).ExecuteDeleteAsync(cancellationToken);
        db.PhysiologyEntries.Add(entry);
        db.Enqueue(new ReanalyzeAthlete(athleteId, from), now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "athlete.physiology-set", now, caller.UserId, athleteId.ToString(), $$"""{"effectiveFrom":"{{from:yyyy-MM-dd}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return ListPhysiology.ToResponse(entry);
    }
}
