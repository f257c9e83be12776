using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.People.Passwords;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Forgetting, resetting and changing a password.</summary>
internal sealed class PasswordEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/password").WithTags("Auth");
        group.MapPost("/forgot", Forgot).WithName("ForgotPassword").WithSummary("Email a reset link, if the address has an account (the answer is the same either way)")
            .RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/reset", Reset).WithName("ResetPassword").WithSummary("Choose a new password with the emailed link's token; ends every session")
            .RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPut("", Change).WithName("ChangePassword").WithSummary("Change your password; your other sessions end")
            .RequireAuthorization().AllowDuringMfaSetup().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    internal static async Task<Results<Accepted<EmailOnItsWay>, ProblemHttpResult>> Forgot(
        ForgotPasswordRequest request, FormaDbContext db, AccountRateLimiter perAccount, TimeProvider clock, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        if (!perAccount.TryAcquire(AccountRateLimiter.ResetRequests, email))
        {
            return AccountRateLimiter.TooMany();
        }

        // Only a job row is written here, whatever the address: see PasswordResetRequested.
        db.Enqueue(new PasswordResetRequested(email), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new EmailOnItsWay("If an account uses this address, a link to reset its password is on its way."));
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Reset(
        ResetPasswordRequest request, FormaDbContext db, PasswordHashing passwords, IServiceScopeFactory scopes, SecurityAudit audit, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await UserTokens.PeekAsync(db, request.Token, UserTokenPurpose.PasswordReset, now, cancellationToken) is not { } userId)
        {
            return InvalidToken();
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (PasswordPolicy.Check(request.NewPassword, user.Email) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. problems] }, type: ProblemTypes.Validation);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await UserTokens.RedeemAsync(db, request.Token, userId, UserTokenPurpose.PasswordReset, now, cancellationToken))
            {
                return InvalidToken();
            }

            user.ResetPassword(passwords.Hash(user, request.NewPassword));
            user.MarkEmailVerified(now); // the link proved the mailbox
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Whoever knew the old password is signed out too.
        await EveryBusiness.EndSessionsAsync(scopes, db, user.Id, "password-reset", null, now, cancellationToken);
        await audit.RecordForUserAsync(db, user.Id, "account.password-reset", http, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Change(
        ChangePasswordRequest request, ClaimsPrincipal principal, FormaDbContext db, CredentialCheck credentials, PasswordHashing passwords,
        IServiceScopeFactory scopes, SecurityAudit audit, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var me = Caller.From(principal);
        var email = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var (user, problem) = await credentials.CheckAsync(db, new PresentedCredentials(email, request.CurrentPassword), http, cancellationToken, requireSecondFactor: false);
        if (user is null)
        {
            return problem!;
        }

        if (PasswordPolicy.Check(request.NewPassword, user.Email) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. problems] }, type: ProblemTypes.Validation);
        }

        user.ResetPassword(passwords.Hash(user, request.NewPassword));
        await db.SaveChangesAsync(cancellationToken);
        await EveryBusiness.EndSessionsAsync(scopes, db, user.Id, "password-changed", me.SessionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.RecordForUserAsync(db, user.Id, "account.password-changed", http, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult InvalidToken() =>
        ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-token"), "This link is invalid, expired or was already used.", "Ask for a new one.");
}
