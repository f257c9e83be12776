using System.Text.Json;
using Forma.Core;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Members;

/// <summary>Owners give a member another role; the business keeps at least one owner.</summary>
internal sealed class ChangeMemberRole(FormaDbContext db, RequestOrigin origin, TimeProvider clock) : IUseCase
{
    public async Task<MemberInfo> RunAsync(Caller caller, Guid membershipId, ChangeRoleRequest request, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Owner)
        {
            throw DomainException.Forbidden("Only owners change roles.");
        }

        RequestValidation.Ensure(request);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken) ?? throw DomainException.NotFound("member");
        var role = request.Role!.Value;
        if (role != Role.Owner && await MemberRemoval.IsLastOwnerAsync(db, membership, cancellationToken))
        {
            throw MemberRemoval.LastOwner();
        }

        var before = membership.Role;
        membership.ChangeRole(role);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "member.role-changed", clock.GetUtcNow().UtcDateTime, caller.UserId, membership.Id.ToString(),
            JsonSerializer.Serialize(new { userId = membership.UserId, from = before.ToString(), to = role.ToString(), ip = origin.Address })));
        await db.SaveChangesAsync(cancellationToken);
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == membership.UserId, cancellationToken);
        return new MemberInfo(membership.Id, person.Id, person.Email, person.FirstName, person.LastName, membership.Role, membership.CreatedAt, person.HasTotp);
    }
}
