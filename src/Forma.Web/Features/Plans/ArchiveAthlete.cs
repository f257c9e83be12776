using Forma.Core;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>Archives an athlete: kept, read-only, and no longer counted against the plan's active athletes.</summary>
internal sealed class ArchiveAthlete(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        caller.RequireManager(OverLimitEndpoints.OwnersOnlyMessage);
        var athlete = await db.Athletes.SingleOrDefaultAsync(a => a.Id == athleteId, cancellationToken) ?? throw DomainException.NotFound("athlete");
        var now = clock.GetUtcNow().UtcDateTime;
        athlete.Archive(now);
        db.AuditEvents.Add(AuditEvent.Record(athlete.TenantId, "athlete.archived", now, caller.UserId, athlete.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
