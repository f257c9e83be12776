using System.Security.Claims;
using Forma.Core;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Mail;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Invitations;

/// <summary>
/// Bringing people in: owners invite admins and coaches, staff invite athletes and guardians. The link
/// goes only to the invited address; it is never in a response. Accepting is in <see cref="InvitationAcceptance"/>.
/// </summary>
internal sealed class InvitationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/invitations").WithTags("Invitations").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", Create).WithName("CreateInvitation").WithSummary("Email someone an invitation to join in a role; a new invitation replaces a pending one to the same address")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("", List).WithName("ListInvitations").WithSummary("Pending invitations (owners and admins see all, coaches their own)");
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeInvitation").WithSummary("Withdraw a pending invitation; its link stops working");
    }

    internal static async Task<Results<Created<InvitationInfo>, ValidationProblem, ProblemHttpResult>> Create(
        CreateInvitationRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, AccountEmails emails, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var role = request.Role!.Value;
        if (!Invitation.MayInvite(me.Role, role))
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, $"{me.Role}s do not invite {role.ToString().ToLowerInvariant()}s.");
        }

        if (request.AthleteId is { } athleteId && !await db.Athletes.VisibleTo(me, db).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return ProblemDetailsSetup.FieldProblem("athleteId", "No athlete you manage has that id.");
        }

        if (role == Role.Athlete && request.AthleteId is { } linked && await db.Athletes.AnyAsync(a => a.Id == linked && a.UserId != null, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("athlete-has-login"), "This athlete already has a login.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = TenantToken.New(me.TenantId);
        var inviter = await db.Memberships.SingleAsync(m => m.Id == me.MembershipId, cancellationToken);
        Invitation invitation;
        try
        {
            invitation = Invitation.Create(me.TenantId, request.Email, role, request.AthleteId, inviter, token.Hash, now);
        }
        catch (DomainException error)
        {
            return ProblemDetailsSetup.FieldProblem(error.Field ?? "email", error.Message);
        }

        var email = invitation.Email;
        if (await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).AnyAsync(e => e == email, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("already-member"), "This person already belongs to the business.");
        }

        // One live invitation per address and role: sending again replaces the old link (in one transaction with the new one).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Invitations.Where(i => i.Email == email && i.Role == role && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now), cancellationToken);
        db.Invitations.Add(invitation);
        var inviterName = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.FirstName + " " + u.LastName).SingleAsync(cancellationToken);
        db.EnqueueEmail(emails.Invitation(invitation, inviterName, http.Tenant().DisplayName, token.ToString()), now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "invitation.created", now, me.UserId, invitation.Id.ToString(),
            $$"""{"email":"{{email}}","role":"{{role}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/invitations/{invitation.Id}", InvitationInfo.From(invitation));
    }

    internal static async Task<Results<Ok<List<InvitationInfo>>, ProblemHttpResult>> List(ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!me.IsStaff)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only staff see invitations.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
        if (!me.ManagesEveryone)
        {
            query = query.Where(i => i.InvitedByMembershipId == me.MembershipId);
        }

        var pending = await query.OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(pending.Select(InvitationInfo.From).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null || !me.IsStaff || (!me.ManagesEveryone && invitation.InvitedByMembershipId != me.MembershipId))
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such invitation.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        invitation.Revoke(now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "invitation.revoked", now, me.UserId, invitation.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
