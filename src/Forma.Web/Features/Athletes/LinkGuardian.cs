using Forma.Core;
using Forma.Core.Athletes;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

/// <summary>Staff who can see an athlete let a guardian (a member with the Guardian role) manage them.</summary>
internal sealed class LinkGuardian(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<GuardianInfo> RunAsync(Caller me, Guid athleteId, LinkGuardianRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.Ensure(request);
        if (await GuardianEndpoints.FindAsync(athleteId, me, db, cancellationToken) is null)
        {
            throw DomainException.NotFound("athlete");
        }

        if (!me.IsStaff)
        {
            throw DomainException.Forbidden("Only owners, admins and coaches link guardians.");
        }

        var guardian = await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MembershipId && m.Role == Role.Guardian, cancellationToken);
        if (guardian is null)
        {
            throw DomainException.Invalid("membershipId", "No guardian of this business has that membership id.");
        }

        if (await db.Guardianships.AnyAsync(g => g.AthleteId == athleteId && g.GuardianMembershipId == guardian.Id, cancellationToken))
        {
            throw DomainException.Conflict("conflict", "This guardian already manages the athlete.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Guardianships.Add(Guardianship.Create(me.TenantId, athleteId, guardian.Id, now));
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "guardian.linked", now, me.UserId, athleteId.ToString(), $$"""{"guardianMembershipId":"{{guardian.Id}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == guardian.UserId, cancellationToken);
        return new GuardianInfo(guardian.Id, person.Id, person.Email, person.FirstName, person.LastName, now);
    }
}
