using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Tenants;

public sealed record TenantSecurity(bool RequireStaffMfa);

public sealed record TenantSecurityRequest([property: Required] bool? RequireStaffMfa);

/// <summary>The business's security rules, set by its owners.</summary>
internal sealed class TenantSecurityEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenant/security").WithTags("Tenant").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", Get).WithName("GetTenantSecurity").WithSummary("The business's security rules");
        group.MapPut("", Update).WithName("UpdateTenantSecurity").WithSummary("Require a second factor of all staff (owners only)")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Results<Ok<TenantSecurity>, ProblemHttpResult>> Get(ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!me.IsStaff)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only staff see the business's security rules.");
        }

        var required = await db.Tenants.Where(t => t.Id == me.TenantId).Select(t => t.RequireStaffMfa).SingleAsync(cancellationToken);
        return TypedResults.Ok(new TenantSecurity(required));
    }

    internal static async Task<Results<Ok<TenantSecurity>, ProblemHttpResult>> Update(
        TenantSecurityRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (me.Role != Role.Owner)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners change the business's security rules.");
        }

        var required = request.RequireStaffMfa!.Value;
        if (required && !await db.Users.AnyAsync(u => u.Id == me.UserId && u.TotpEnabledAt != null, cancellationToken))
        {
            // Otherwise the owner's own next session could do nothing but enrol.
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("enable-mfa-first"), "Set up your own authenticator app first.");
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == me.TenantId, cancellationToken);
        if (tenant.RequireStaffMfa != required)
        {
            tenant.SetRequireStaffMfa(required);
            if (required)
            {
                // Staff without a second factor sign in again and get a session that can only enrol one.
                var now = clock.GetUtcNow().UtcDateTime;
                var unprotected = db.Memberships.Where(m => (m.Role == Role.Owner || m.Role == Role.Admin || m.Role == Role.Coach)
                    && db.Users.Any(u => u.Id == m.UserId && u.TotpEnabledAt == null)).Select(m => m.Id);
                await db.RefreshTokens.Where(t => t.RevokedAt == null && unprotected.Contains(t.MembershipId))
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "staff-mfa-required"), cancellationToken);
            }

            db.AuditEvents.Add(AuditEvent.Record(me.TenantId, required ? "tenant.staff-mfa-required" : "tenant.staff-mfa-optional", clock.GetUtcNow().UtcDateTime, me.UserId, me.TenantId.ToString()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new TenantSecurity(required));
    }
}
