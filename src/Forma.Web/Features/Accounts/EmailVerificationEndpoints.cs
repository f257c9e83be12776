using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Mail;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Proving an email address: a link is mailed at sign-up (and on request) and confirmed here.</summary>
internal sealed class EmailVerificationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/email").WithTags("Auth");
        group.MapPost("/verify", Verify).WithName("VerifyEmail").WithSummary("Confirm an email address with the emailed link's token")
            .RequireRateLimiting(AuthRateLimits.Policy).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/verification", Resend).WithName("ResendEmailVerification").WithSummary("Send the confirmation link again")
            .RequireAuthorization().AllowDuringMfaSetup().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<NoContent> Verify(VerifyEmailRequest request, ConfirmEmail confirm, CancellationToken cancellationToken)
    {
        await confirm.RunAsync(request, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted<EmailOnItsWay>, ProblemHttpResult>> Resend(
        ClaimsPrincipal principal, FormaDbContext db, AccountEmails emails, AccountRateLimiter perAccount, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == Caller.From(principal).UserId, cancellationToken);
        if (user.EmailVerifiedAt is not null)
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("email-already-verified"), "This email address is already confirmed.");
        }

        if (!perAccount.TryAcquire(AccountRateLimiter.VerificationRequests, user.Email))
        {
            return AccountRateLimiter.TooMany();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.EnqueueEmail(emails.Verification(user, UserTokens.Issue(db, user.Id, UserTokenPurpose.EmailVerification, now)), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new EmailOnItsWay($"A new confirmation link is on its way to {user.Email}."));
    }
}
