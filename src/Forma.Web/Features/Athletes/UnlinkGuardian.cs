using Forma.Core;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

/// <summary>Staff who can see an athlete stop a guardian managing them.</summary>
internal sealed class UnlinkGuardian(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller me, Guid athleteId, Guid membershipId, CancellationToken cancellationToken)
    {
        if (await GuardianEndpoints.FindAsync(athleteId, me, db, cancellationToken) is null)
        {
            throw DomainException.NotFound("athlete");
        }

        if (!me.IsStaff)
        {
            throw DomainException.Forbidden("Only owners, admins and coaches unlink guardians.");
        }

        var link = await db.Guardianships.SingleOrDefaultAsync(g => g.AthleteId == athleteId && g.GuardianMembershipId == membershipId, cancellationToken);
        if (link is null)
        {
            throw new DomainException(RefusalKind.NotFound, "not-found", "This guardian does not manage the athlete.");
        }

        db.Guardianships.Remove(link);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "guardian.unlinked", clock.GetUtcNow().UtcDateTime, me.UserId, athleteId.ToString(), $$"""{"guardianMembershipId":"{{membershipId}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
    }
}
