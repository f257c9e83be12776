using Forma.Core;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Members;

/// <summary>
/// Takes a person out of one business: their sessions there end, athletes they coached are left without a
/// coach, an athlete record that was theirs loses its login (the business keeps its client record), and
/// the membership goes — with its guardianships and the invitations it sent (cascaded by the database).
/// Runs in the business's scope, inside the caller's transaction; the caller saves and commits.
/// </summary>
internal static class MemberRemoval
{
    public static async Task RemoveAsync(FormaDbContext db, Membership membership, CancellationToken cancellationToken)
    {
        await db.RefreshTokens.Where(t => t.MembershipId == membership.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Athletes.Where(a => a.CoachMembershipId == membership.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.CoachMembershipId, (Guid?)null), cancellationToken);
        await db.Athletes.Where(a => a.UserId == membership.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.UserId, (Guid?)null), cancellationToken);
        db.Memberships.Remove(membership);
    }

    /// <summary>True when <paramref name="membership"/> is the business's only owner: removing or demoting them would leave it ownerless.</summary>
    public static async Task<bool> IsLastOwnerAsync(FormaDbContext db, Membership membership, CancellationToken cancellationToken) =>
        membership.Role == Role.Owner && !await db.Memberships.AnyAsync(m => m.Role == Role.Owner && m.Id != membership.Id, cancellationToken);

    public static DomainException LastOwner() =>
        DomainException.Conflict("last-owner", "A business keeps at least one owner.", "Make another member an owner first, or close the business.");
}
