using Forma.Core;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Invitations;

/// <summary>Withdraws a pending invitation so its link stops working. One the caller may not manage is "not found", so existence does not leak.</summary>
internal sealed class RevokeInvitation(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null || !caller.IsStaff || (!caller.ManagesEveryone && invitation.InvitedByMembershipId != caller.MembershipId))
        {
            throw DomainException.NotFound("invitation");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        invitation.Revoke(now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "invitation.revoked", now, caller.UserId, invitation.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
