using Forma.Core;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Tenants;

/// <summary>
/// Owners require (or stop requiring) a second factor of all staff. Requiring it ends the sessions of staff without
/// one: they sign in again and get a session that can only enrol one.
/// </summary>
internal sealed class UpdateTenantSecurity(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<TenantSecurity> RunAsync(Caller caller, TenantSecurityRequest request, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Owner)
        {
            throw DomainException.Forbidden("Only owners change the business's security rules.");
        }

        RequestValidation.Ensure(request);
        var required = request.RequireStaffMfa!.Value;
        if (required && !await db.Users.AnyAsync(u => u.Id == caller.UserId && u.TotpEnabledAt != null, cancellationToken))
        {
            // Otherwise the owner's own next session could do nothing but enrol.
            throw DomainException.Conflict("enable-mfa-first", "Set up your own authenticator app first.");
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == caller.TenantId, cancellationToken);
        if (tenant.RequireStaffMfa == required)
        {
            return new TenantSecurity(required);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        tenant.SetRequireStaffMfa(required);
        if (required)
        {
            var unprotected = db.Memberships.Where(m => (m.Role == Role.Owner || m.Role == Role.Admin || m.Role == Role.Coach)
                && db.Users.Any(u => u.Id == m.UserId && u.TotpEnabledAt == null)).Select(m => m.Id);
            await db.RefreshTokens.Where(t => t.RevokedAt == null && unprotected.Contains(t.MembershipId))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "staff-mfa-required"), cancellationToken);
        }

        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, required ? "tenant.staff-mfa-required" : "tenant.staff-mfa-optional", now, caller.UserId, caller.TenantId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return new TenantSecurity(required);
    }
}
