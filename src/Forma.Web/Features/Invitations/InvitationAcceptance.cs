using Forma.Core.Athletes;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Core.People.Passwords;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Web.Features.Accounts;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Invitations;

/// <summary>
/// Accepting an invitation: creates the person's account, or signs in an existing one with its own
/// credentials (second factor included); adds the membership; links the athlete record or the dependent;
/// and starts a session in the business. The invitation is claimed atomically, so its link works once.
/// </summary>
internal sealed class InvitationAcceptance : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/invitations/accept", Accept).WithTags("Invitations").WithName("AcceptInvitation")
            .WithSummary("Join a business with an invitation's token, as a new or an existing account")
            .RequireRateLimiting(AuthRateLimits.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);

    internal static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        AcceptInvitationRequest request, FormaDbContext db, TenantScope scope, CredentialCheck credentials, PasswordHashing passwords,
        Sessions sessions, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!TenantToken.TryParse(request.Token, out var token)
            || (scope.TenantId is { } addressed && addressed != token.TenantId)
            || !await db.Tenants.AnyAsync(t => t.Id == token.TenantId && t.Status == TenantStatus.Active, cancellationToken))
        {
            return InvalidToken();
        }

        if (scope.TenantId is null)
        {
            scope.Enter(token.TenantId);
        }

        var hash = token.Hash;
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsPendingAt(now))
        {
            return InvalidToken();
        }

        // The inviter's authority is checked again now: someone demoted since sending cannot still bring in an admin.
        var inviterRole = await db.Memberships.Where(m => m.Id == invitation.InvitedByMembershipId).Select(m => (Role?)m.Role).SingleOrDefaultAsync(cancellationToken);
        if (inviterRole is not { } role || !Invitation.MayInvite(role, invitation.Role))
        {
            return InvalidToken();
        }

        var (user, problem) = await FindOrCreateAccountAsync(request, invitation, db, credentials, passwords, now, http, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await db.Memberships.AnyAsync(m => m.UserId == user!.Id, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("already-member"), "You already belong to this business.", "Sign in instead.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, user!.Id), cancellationToken);
        if (claimed != 1)
        {
            return InvalidToken();
        }

        user!.MarkEmailVerified(now); // the link reached this mailbox
        var membership = Membership.Create(invitation.TenantId, user.Id, invitation.Role, now);
        db.Memberships.Add(membership);
        if (await LinkAthleteAsync(db, invitation, user, membership, now, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        db.AuditEvents.Add(AuditEvent.Record(invitation.TenantId, "invitation.accepted", now, user.Id, invitation.Id.ToString(),
            $$"""{"role":"{{invitation.Role}}","membershipId":"{{membership.Id}}","ip":"{{http.Connection.RemoteIpAddress}}"}"""));
        var session = await sessions.StartAsync(db, user, membership, null, http, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(session);
    }

    private static async Task<(User? User, Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>? Problem)> FindOrCreateAccountAsync(
        AcceptInvitationRequest request, Invitation invitation, FormaDbContext db, CredentialCheck credentials, PasswordHashing passwords, DateTime now, HttpContext http, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Email == invitation.Email, cancellationToken))
        {
            var (existing, problem) = await credentials.CheckAsync(db, new PresentedCredentials(invitation.Email, request.Password, request.TotpCode, request.RecoveryCode), http, cancellationToken);
            return existing is null ? (null, problem!) : (existing, null);
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.FirstName))
        {
            errors["firstName"] = ["Required for a new account."];
        }

        if (string.IsNullOrWhiteSpace(request.LastName))
        {
            errors["lastName"] = ["Required for a new account."];
        }

        if (PasswordPolicy.Check(request.Password, invitation.Email) is { Count: > 0 } passwordProblems)
        {
            errors["password"] = [.. passwordProblems];
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors, type: ProblemTypes.Validation));
        }

        var user = User.Create(invitation.Email, request.FirstName!, request.LastName!, now);
        user.SetPasswordHash(passwords.Hash(user, request.Password));
        db.Users.Add(user);
        return (user, null);
    }

    /// <summary>An athlete takes over their record (or gets a new one); a guardian is linked to their dependent.</summary>
    private static async Task<ProblemHttpResult?> LinkAthleteAsync(FormaDbContext db, Invitation invitation, User user, Membership membership, DateTime now, CancellationToken cancellationToken)
    {
        if (invitation.Role == Role.Guardian)
        {
            db.Guardianships.Add(Guardianship.Create(invitation.TenantId, invitation.AthleteId!.Value, membership.Id, now));
            return null;
        }

        if (invitation.Role != Role.Athlete)
        {
            return null;
        }

        var athlete = invitation.AthleteId is { } athleteId ? await db.Athletes.SingleAsync(a => a.Id == athleteId, cancellationToken) : null;
        if (athlete is null)
        {
            athlete = Athlete.Create(invitation.TenantId, user.FirstName, user.LastName, now);
            athlete.SetEmail(user.Email);
            var inviter = await db.Memberships.SingleAsync(m => m.Id == invitation.InvitedByMembershipId, cancellationToken);
            if (inviter.Role == Role.Coach)
            {
                athlete.AssignCoach(inviter);
            }

            db.Athletes.Add(athlete);
        }
        else if (athlete.UserId is not null)
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("athlete-has-login"), "This athlete record already has a login.");
        }

        athlete.LinkUser(user.Id);
        return null;
    }

    private static ProblemHttpResult InvalidToken() =>
        ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-token"), "This invitation is invalid, expired, withdrawn or was already used.", "Ask for a new one.");
}
