using System.Security.Claims;
using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Core.People.Passwords;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.Accounts;
using Forma.Data.Tenancy;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Mail;
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
            .RequireAuthorization().AllowDuringMfaSetup().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/me", Me).WithName("Me").WithSummary("Who the access token speaks for")
            .RequireAuthorization().AllowDuringMfaSetup().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    internal static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> Signup(
        SignupRequest request, FormaDbContext db, TenantScope scope, Sessions sessions, PasswordHashing passwords, AccountEmails emails, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
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
        db.EnqueueEmail(emails.Verification(user, UserTokens.Issue(db, user.Id, UserTokenPurpose.EmailVerification, now)), now);
        TrialNotices.Schedule(db, tenant.TrialEndsAt!.Value, now);
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

    internal static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Login(
        LoginRequest request, FormaDbContext db, TenantScope scope, Sessions sessions, CredentialCheck credentials, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (user, problem) = await credentials.CheckAsync(db, new PresentedCredentials(request.Email, request.Password, request.TotpCode, request.RecoveryCode), http, cancellationToken);
        if (user is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A closed business no longer signs anyone in (its data waits for the purge).
        var memberOf = await MembershipLookup.TenantsOfAsync(db, user.Id, cancellationToken);
        var tenantIds = await db.Tenants.Where(t => memberOf.Contains(t.Id) && t.Status != TenantStatus.Closed).Select(t => t.Id).ToListAsync(cancellationToken);
        if (tenantIds.Count == 0)
        {
            return CredentialCheck.WrongCredentials();
        }

        Guid tenantId;
        if (scope.TenantId is { } addressed)
        {
            // Signing in at a business's address (/t/{slug} or its subdomain) names that business.
            if (!tenantIds.Contains(addressed) || (request.Tenant is { Length: > 0 } other && !await db.Tenants.AnyAsync(t => t.Id == addressed && t.Slug == other, cancellationToken)))
            {
                return CredentialCheck.WrongCredentials();
            }

            tenantId = addressed;
        }
        else if (request.Tenant is { Length: > 0 } wanted)
        {
            var named = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == wanted, cancellationToken);
            if (named is null || !tenantIds.Contains(named.Id))
            {
                return CredentialCheck.WrongCredentials();
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
        if (!TenantToken.TryParse(request.RefreshToken, out var value)
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

    private static async Task<NoContent> Logout(ClaimsPrincipal user, LogOut logOut, CancellationToken cancellationToken)
    {
        await logOut.RunAsync(Caller.From(user), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var me = Caller.From(user);
        return TypedResults.Ok(new MeResponse(me.UserId, me.TenantId, me.MembershipId, me.Role.ToString(), me.SessionId));
    }

    private static ProblemHttpResult InvalidRefresh() =>
        ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-refresh-token"), "The refresh token is invalid, expired or revoked.", "Sign in again.");
}
