using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Invitations;

/// <summary>Pending invitations, newest first: owners and admins see all, coaches the ones they sent.</summary>
internal sealed class ListInvitations(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<List<InvitationInfo>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireStaff("Only staff see invitations.");
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
        if (!caller.ManagesEveryone)
        {
            query = query.Where(i => i.InvitedByMembershipId == caller.MembershipId);
        }

        var pending = await query.OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);
        return pending.Select(InvitationInfo.From).ToList();
    }
}
