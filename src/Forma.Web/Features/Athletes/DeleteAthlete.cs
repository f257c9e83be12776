using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

/// <summary>Staff remove an athlete (their activities go with them; their files are collected after the grace period).</summary>
internal sealed class DeleteAthlete(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesWrite);
        var athlete = await db.Athletes.VisibleTo(caller, db).SingleOrDefaultAsync(a => a.Id == athleteId, cancellationToken) ?? throw DomainException.NotFound("athlete");
        caller.RequireStaff("Only owners, admins and coaches remove athletes.");
        db.Athletes.Remove(athlete);
        db.AuditEvents.Add(AuditEvent.Record(athlete.TenantId, "athlete.deleted", clock.GetUtcNow().UtcDateTime, caller.UserId, athlete.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
