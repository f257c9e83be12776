using System.Security.Claims;
using Forma.Core.People.Passwords;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Forgetting, resetting and changing a password; HTTP adapters over <see cref="RequestPasswordReset"/> and <see cref="ResetForgottenPassword"/>.</summary>
internal sealed class PasswordEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/password").WithTags("Auth");
        group.MapPost("/forgot", Forgot).WithName("ForgotPassword").WithSummary("Email a reset link, if the address has an account (the answer is the same either way)")
            .RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/reset", Reset).WithName("ResetPassword").WithSummary("Choose a new password with the emailed link's token; ends every session")
            .RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPut("", Change).WithName("ChangePassword").WithSummary("Change your password; your other sessions end")
            .RequireAuthorization().AllowDuringMfaSetup().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Accepted<EmailOnItsWay>> Forgot(ForgotPasswordRequest request, RequestPasswordReset forgot, CancellationToken cancellationToken) =>
        TypedResults.Accepted((string?)null, await forgot.RunAsync(request, cancellationToken));

    private static async Task<NoContent> Reset(ResetPasswordRequest request, ResetForgottenPassword reset, CancellationToken cancellationToken)
    {
        await reset.RunAsync(request, cancellationToken);
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
}
