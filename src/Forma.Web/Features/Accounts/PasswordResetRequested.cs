using Forma.Core.Accounts;
using Forma.Data.BackgroundJobs;
using Forma.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// "Forgot password" is answered at once, the same way for every address, and the lookup happens here,
/// in a job: whether the email has an account then shows neither in the response nor in its timing.
/// </summary>
public sealed record PasswordResetRequested(string Email) : IJobPayload
{
    public static string JobType => "accounts.password-reset-requested";
}

internal sealed class PasswordResetRequestedHandler(AccountEmails emails, TimeProvider clock) : IJobHandler<PasswordResetRequested>
{
    public async Task HandleAsync(PasswordResetRequested payload, JobContext context, CancellationToken cancellationToken)
    {
        var user = await context.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == payload.Email, cancellationToken);
        if (user is null)
        {
            return;
        }

        // The token and its email commit together with this job's completion: a retry cannot mail twice.
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = UserTokens.Issue(context.Db, user.Id, UserTokenPurpose.PasswordReset, now);
        context.Db.EnqueueEmail(emails.PasswordReset(user, secret), now);
    }
}
