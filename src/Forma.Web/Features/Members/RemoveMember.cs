using System.Text.Json;
using Forma.Core;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Members;

/// <summary>
/// Takes a member out of the business, or lets them leave: owners remove anyone, admins remove coaches, athletes
/// and guardians, anyone may leave — except the last owner.
/// </summary>
internal sealed class RemoveMember(FormaDbContext db, RequestOrigin origin, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken) ?? throw DomainException.NotFound("member");
        var leaving = membership.Id == caller.MembershipId;
        var allowed = leaving || caller.Role == Role.Owner || (caller.Role == Role.Admin && membership.Role is Role.Coach or Role.Athlete or Role.Guardian);
        if (!allowed)
        {
            throw DomainException.Forbidden("Owners remove anyone; admins remove coaches, athletes and guardians.");
        }

        if (await MemberRemoval.IsLastOwnerAsync(db, membership, cancellationToken))
        {
            throw MemberRemoval.LastOwner();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await MemberRemoval.RemoveAsync(db, membership, cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, leaving ? "member.left" : "member.removed", clock.GetUtcNow().UtcDateTime, caller.UserId, membership.Id.ToString(),
            JsonSerializer.Serialize(new { userId = membership.UserId, role = membership.Role.ToString(), ip = origin.Address })));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
