using Forma.Data;
using Forma.Data.BackgroundJobs;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// Asks for a reset link by email. The answer is the same whether or not the address has an account; the per-account
/// limit is counted here, so the page and the API share it (the per-IP limit is on both routes).
/// </summary>
internal sealed class RequestPasswordReset(FormaDbContext db, AccountRateLimiter perAccount, TimeProvider clock) : IUseCase
{
    public async Task<EmailOnItsWay> RunAsync(ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.Ensure(request);
        var email = request.Email.Trim().ToLowerInvariant();
        if (!perAccount.TryAcquire(AccountRateLimiter.ResetRequests, email))
        {
            throw AccountRateLimiter.TooManyForAccount();
        }

        // Only a job row is written here, whatever the address: see PasswordResetRequested.
        db.Enqueue(new PasswordResetRequested(email), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new EmailOnItsWay("If an account uses this address, a link to reset its password is on its way.");
    }
}
