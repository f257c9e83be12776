using System.Security.Claims;
using System.Text.Json;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Members;

/// <summary>
/// The people of the business and their roles. Staff list them; owners change roles; owners remove
/// anyone, admins remove coaches, athletes and guardians, and anyone may leave — except the last owner.
/// </summary>
internal sealed class MemberEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListMembers").WithSummary("Everyone who belongs to the business, with their roles");
        group.MapPut("/{id:guid}/role", ChangeRole).WithName("ChangeMemberRole").WithSummary("Give a member another role (owners only)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Remove).WithName("RemoveMember").WithSummary("Take a member out of the business, or leave it yourself")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Results<Ok<List<MemberInfo>>, ProblemHttpResult>> List(ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!me.IsStaff)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners, admins and coaches see the member list.");
        }

        var memberships = db.Memberships.AsNoTracking();
        if (!me.ManagesEveryone)
        {
            // A coach sees the staff and, of the clients, only their own athletes and those athletes' guardians.
            var mine = db.Athletes.Where(a => a.CoachMembershipId == me.MembershipId);
            memberships = memberships.Where(m => m.Role == Role.Owner || m.Role == Role.Admin || m.Role == Role.Coach
                || mine.Any(a => a.UserId == m.UserId)
                || db.Guardianships.Any(g => g.GuardianMembershipId == m.Id && mine.Any(a => a.Id == g.AthleteId)));
        }

        var members = await memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.LastName).ThenBy(x => x.u.FirstName)
            .Select(x => new MemberInfo(x.m.Id, x.u.Id, x.u.Email, x.u.FirstName, x.u.LastName, x.m.Role, x.m.CreatedAt, x.u.TotpEnabledAt != null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(members);
    }

    internal static async Task<Results<Ok<MemberInfo>, ProblemHttpResult>> ChangeRole(
        Guid id, ChangeRoleRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (me.Role != Role.Owner)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners change roles.");
        }

        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (membership is null)
        {
            return NotFound();
        }

        var role = request.Role!.Value;
        if (role != Role.Owner && await MemberRemoval.IsLastOwnerAsync(db, membership, cancellationToken))
        {
            return LastOwner();
        }

        var before = membership.Role;
        membership.ChangeRole(role);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "member.role-changed", clock.GetUtcNow().UtcDateTime, me.UserId, membership.Id.ToString(),
            JsonSerializer.Serialize(new { userId = membership.UserId, from = before.ToString(), to = role.ToString(), ip = http.Connection.RemoteIpAddress?.ToString() })));
        await db.SaveChangesAsync(cancellationToken);
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == membership.UserId, cancellationToken);
        return TypedResults.Ok(new MemberInfo(membership.Id, person.Id, person.Email, person.FirstName, person.LastName, membership.Role, membership.CreatedAt, person.HasTotp));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (membership is null)
        {
            return NotFound();
        }

        var leaving = membership.Id == me.MembershipId;
        var allowed = leaving || me.Role == Role.Owner || (me.Role == Role.Admin && membership.Role is Role.Coach or Role.Athlete or Role.Guardian);
        if (!allowed)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Owners remove anyone; admins remove coaches, athletes and guardians.");
        }

        if (await MemberRemoval.IsLastOwnerAsync(db, membership, cancellationToken))
        {
            return LastOwner();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await MemberRemoval.RemoveAsync(db, membership, cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, leaving ? "member.left" : "member.removed", clock.GetUtcNow().UtcDateTime, me.UserId, membership.Id.ToString(),
            JsonSerializer.Serialize(new { userId = membership.UserId, role = membership.Role.ToString(), ip = http.Connection.RemoteIpAddress?.ToString() })));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such member.");

    private static ProblemHttpResult LastOwner() =>
        ProblemDetailsSetup.Problem(409, ProblemTypes.For("last-owner"), "A business keeps at least one owner.", "Make another member an owner first, or close the business.");
}
