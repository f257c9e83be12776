using Forma.Core;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Invitations;

/// <summary>
/// Emails someone an invitation to join in a role: owners invite admins and coaches, staff invite athletes (whose new
/// login takes over an athlete record) and guardians. The link goes only to the invited address, never into the
/// result; a new invitation replaces a pending one to the same address and role.
/// </summary>
internal sealed class CreateInvitation(FormaDbContext db, AccountEmails emails, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<InvitationInfo> RunAsync(Caller caller, CreateInvitationRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.Ensure(request);
        var role = request.Role!.Value;
        if (!Invitation.MayInvite(caller.Role, role))
        {
            throw DomainException.Forbidden($"{caller.Role}s do not invite {role.ToString().ToLowerInvariant()}s.");
        }

        if (request.AthleteId is { } athleteId && !await db.Athletes.VisibleTo(caller, db).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            throw DomainException.Invalid("athleteId", "No athlete you manage has that id.");
        }

        if (role == Role.Athlete && request.AthleteId is { } linked && await db.Athletes.AnyAsync(a => a.Id == linked && a.UserId != null, cancellationToken))
        {
            throw DomainException.Conflict("athlete-has-login", "This athlete already has a login.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = TenantToken.New(caller.TenantId);
        var inviter = await db.Memberships.SingleAsync(m => m.Id == caller.MembershipId, cancellationToken);
        Invitation invitation;
        try
        {
            invitation = Invitation.Create(caller.TenantId, request.Email, role, request.AthleteId, inviter, token.Hash, now);
        }
        catch (DomainException error) when (error.Field is null)
        {
            // The address is the only free-form input the domain checks here; its refusals are about it.
            throw DomainException.Invalid("email", error.Message);
        }

        var email = invitation.Email;
        if (await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).AnyAsync(e => e == email, cancellationToken))
        {
            throw DomainException.Conflict("already-member", "This person already belongs to the business.");
        }

        // One live invitation per address and role: sending again replaces the old link (in one transaction with the new one).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Invitations.Where(i => i.Email == email && i.Role == role && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now), cancellationToken);
        db.Invitations.Add(invitation);
        var inviterName = await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.FirstName + " " + u.LastName).SingleAsync(cancellationToken);
        db.EnqueueEmail(emails.Invitation(invitation, inviterName, business.Tenant.DisplayName, token.ToString()), now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "invitation.created", now, caller.UserId, invitation.Id.ToString(),
            $$"""{"email":"{{email}}","role":"{{role}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InvitationInfo.From(invitation);
    }
}
