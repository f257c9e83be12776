using System.Security.Claims;
using Forma.Core;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Core.People.Passwords;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Sign-up, sign-in, token refresh and sign-out for the API.</summary>
internal sealed class AuthEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/signup", Signup).WithName("Signup").WithSummary("Create a business, its owner and a 14-day Pro trial, and sign the owner in")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/login", Login).WithName("Login").WithSummary("Sign in with email and password; name the business when the person belongs to several")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", Refresh).WithName("Refresh").WithSummary("Trade a refresh token for a new session token pair (the old refresh token stops working)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", Logout).WithName("Logout").WithSummary("End this session: its refresh tokens stop working")
            .RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/me", Me).WithName("Me").WithSummary("Who the access token speaks for")
            .RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> Signup(
        SignupRequest request, FormaDbContext db, TenantScope scope, Sessions sessions, PasswordHashing passwords, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TenantSlug.TryParse(request.Subdomain, out var slug, out var slugError))
        {
            errors["subdomain"] = [slugError];
        }

        string email = "";
        try
        {
            email = EmailAddress.Normalize(request.Email);
        }
        catch (DomainException error)
        {
            errors["email"] = [error.Message];
        }

        if (PasswordPolicy.Check(request.Password, request.Email) is { Count: > 0 } passwordProblems)
        {
            errors["password"] = [.. passwordProblems];
        }

        var timeZone = request.TimeZone ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors["timeZone"] = [$"'{timeZone}' is not a known IANA time zone."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: ProblemTypes.Validation);
        }

        if (scope.TenantId is not null)
        {
            return ProblemDetailsSetup.Problem(400, ProblemTypes.BadRequest, "Sign up at the platform's address, not a business's.");
        }

        if (await db.Tenants.AnyAsync(t => t.Slug == slug.Value, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("subdomain-taken"), $"The subdomain '{slug}' is taken.");
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("email-taken"), "An account with this email exists.", "Sign in to add a business to it.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = Tenant.Create(request.BusinessName, slug, "pro", timeZone, now);
        tenant.StartTrial("pro", now);
        var user = User.Create(email, request.FirstName, request.LastName, now);
        user.SetPasswordHash(passwords.Hash(user, request.Password));
        // Act for the new business before anything is written, so the one SaveChanges below (one
        // transaction) creates the business, its owner and the session together, or nothing.
        scope.Enter(tenant.Id);
        db.Tenants.Add(tenant);
        db.Users.Add(user);
        var owner = Membership.Create(tenant.Id, user.Id, Role.Owner, now);
        db.Memberships.Add(owner);
        db.AuditEvents.Add(AuditEvent.Record(tenant.Id, "tenant.signed-up", now, user.Id, tenant.Id.ToString()));
        var session = await sessions.StartAsync(db, user, owner, null, http, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another sign-up took the subdomain or the email between our checks and our insert.
            return ProblemDetailsSetup.Problem(409, ProblemTypes.Conflict, "The subdomain or the email was just taken.", "Try again with another subdomain, or sign in.");
        }

        return TypedResults.Created("/api/v1/auth/me", session);
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Login(
        LoginRequest request, FormaDbContext db, TenantScope scope, Sessions sessions, PasswordHashing passwords, TwoFactor twoFactor, SecurityAudit audit, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            // The same work as a real check, so timing does not tell which emails are registered.
            passwords.VerifyDecoy(request.Password);
            return WrongCredentials();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (user.IsLockedAt(now))
        {
            // The same answer and the same work as a wrong password: a lock does not confirm the account exists.
            passwords.VerifyDecoy(request.Password);
            await audit.RecordForUserAsync(db, user.Id, "session.sign-in-while-locked", http, cancellationToken);
            return WrongCredentials();
        }

        if (!passwords.Verify(user, request.Password))
        {
            var lockedNow = await CountFailedSignInAsync(db, user.Id, now, cancellationToken);
            await audit.RecordForUserAsync(db, user.Id, "session.sign-in-failed", http, cancellationToken);
            if (lockedNow)
            {
                await audit.RecordForUserAsync(db, user.Id, "account.locked", http, cancellationToken);
            }

            return WrongCredentials();
        }

        if (user.HasTotp)
        {
            switch (await twoFactor.VerifyAsync(db, user, request.TotpCode, request.RecoveryCode, cancellationToken))
            {
                case SecondFactorOutcome.Missing:
                    return ProblemDetailsSetup.Problem(401, ProblemTypes.For("mfa-required"), "Enter the code from your authenticator app.", "Send 'totpCode', or one of your 'recoveryCode's.");
                case SecondFactorOutcome.Wrong:
                    var locked = await CountFailedSignInAsync(db, user.Id, now, cancellationToken);
                    await audit.RecordForUserAsync(db, user.Id, "session.mfa-failed", http, cancellationToken);
                    if (locked)
                    {
                        await audit.RecordForUserAsync(db, user.Id, "account.locked", http, cancellationToken);
                    }

                    return ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-mfa-code"), "That code is wrong or was already used.");
                case SecondFactorOutcome.PassedWithRecoveryCode:
                    await audit.RecordForUserAsync(db, user.Id, "mfa.recovery-code-used", http, cancellationToken);
                    break;
                case SecondFactorOutcome.Passed:
                    break;
            }
        }

        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTime?)null), cancellationToken);

        var tenantIds = await MembershipLookup.TenantsOfAsync(db, user.Id, cancellationToken);
        Guid tenantId;
        if (scope.TenantId is { } addressed)
        {
            // Signing in at a business's address (/t/{slug} or its subdomain) names that business.
            if (!tenantIds.Contains(addressed) || (request.Tenant is { Length: > 0 } other && !await db.Tenants.AnyAsync(t => t.Id == addressed && t.Slug == other, cancellationToken)))
            {
                return WrongCredentials();
            }

            tenantId = addressed;
        }
        else if (request.Tenant is { Length: > 0 } wanted)
        {
            var named = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == wanted, cancellationToken);
            if (named is null || !tenantIds.Contains(named.Id))
            {
                return WrongCredentials();
            }

            tenantId = named.Id;
        }
        else if (tenantIds.Count == 1)
        {
            tenantId = tenantIds[0];
        }
        else
        {
            var slugs = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).Select(t => t.Slug).OrderBy(s => s).ToListAsync(cancellationToken);
            return TypedResults.Problem(statusCode: 409, type: ProblemTypes.For("tenant-required"), title: "Which business?",
                detail: "This account belongs to several businesses; send 'tenant' with one of them.", extensions: new Dictionary<string, object?> { ["tenants"] = slugs });
        }

        if (scope.TenantId is null)
        {
            scope.Enter(tenantId);
        }

        var membership = await db.Memberships.SingleAsync(m => m.UserId == user.Id, cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(tenantId, "session.signed-in", now, user.Id, user.Id.ToString()));
        var session = await sessions.StartAsync(db, user, membership, null, http, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // also keeps a re-hashed password
        return TypedResults.Ok(session);
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Refresh(
        RefreshRequest request, FormaDbContext db, TenantScope scope, Sessions sessions, HttpContext http, CancellationToken cancellationToken)
    {
        if (!RefreshTokenValue.TryParse(request.RefreshToken, out var value)
            || (scope.TenantId is { } addressed && addressed != value.TenantId)
            || !await db.Tenants.AnyAsync(t => t.Id == value.TenantId, cancellationToken))
        {
            return InvalidRefresh();
        }

        if (scope.TenantId is null)
        {
            scope.Enter(value.TenantId);
        }

        var (outcome, session) = await sessions.RefreshAsync(db, value, http, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the new token, or the audit of a detected reuse
        return outcome == RefreshOutcome.Refreshed ? TypedResults.Ok(session!) : InvalidRefresh();
    }

    private static async Task<NoContent> Logout(ClaimsPrincipal user, FormaDbContext db, Sessions sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        await sessions.RevokeFamilyAsync(db, me.SessionId, "signed-out", cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "session.signed-out", clock.GetUtcNow().UtcDateTime, me.UserId, me.SessionId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var me = Caller.From(user);
        return TypedResults.Ok(new MeResponse(me.UserId, me.TenantId, me.MembershipId, me.Role.ToString(), me.SessionId));
    }

    /// <summary>
    /// Counts a failure with an atomic increment (parallel guesses each count) and locks the account when
    /// the count calls for it. Returns true when this failure locked it.
    /// </summary>
    private static async Task<bool> CountFailedSignInAsync(FormaDbContext db, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var account = db.Users.Where(u => u.Id == userId);
        await account.ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), cancellationToken);
        var failures = await account.Select(u => u.FailedSignIns).SingleAsync(cancellationToken);
        if (User.LockFor(failures) is not { } duration)
        {
            return false;
        }

        var until = now + duration;
        await account.ExecuteUpdateAsync(set => set.SetProperty(u => u.LockedUntil, until), cancellationToken);
        return true;
    }

    private static ProblemHttpResult WrongCredentials() =>
        ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-credentials"), "The email or password is wrong.");

    private static ProblemHttpResult InvalidRefresh() =>
        ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-refresh-token"), "The refresh token is invalid, expired or revoked.", "Sign in again.");
}
