using Forma.Core.People;
using Forma.Data;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>What a person presents to prove who they are: a password and, when they use one, a second factor.</summary>
public sealed record PresentedCredentials(string Email, string Password, string? TotpCode = null, string? RecoveryCode = null);

/// <summary>
/// Checks a person's credentials wherever they are asked for (sign-in, accepting an invitation as an
/// existing account, deleting an account, changing a password): the same timing whether or not the email
/// exists, the same answer for a locked account as for a wrong password, failures counted towards the
/// lockout, and every outcome audited in each business the person belongs to.
/// </summary>
public sealed class CredentialCheck(PasswordHashing passwords, TwoFactor twoFactor, SecurityAudit audit, AccountRateLimiter perAccount, TimeProvider clock)
{
    /// <summary>The person when everything checks out (a re-hashed password is left for the caller's save); otherwise the problem to answer with.</summary>
    public async Task<(User? User, ProblemHttpResult? Problem)> CheckAsync(FormaDbContext db, PresentedCredentials presented, HttpContext http, CancellationToken cancellationToken, bool requireSecondFactor = true)
    {
        var email = presented.Email.Trim().ToLowerInvariant();
        if (!perAccount.TryAcquire(AccountRateLimiter.SignIns, email))
        {
            return (null, AccountRateLimiter.TooMany());
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            // The same work as a real check, so timing does not tell which emails are registered.
            passwords.VerifyDecoy(presented.Password);
            return (null, WrongCredentials());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (user.IsLockedAt(now))
        {
            // The same answer and the same work as a wrong password: a lock does not confirm the account exists.
            passwords.VerifyDecoy(presented.Password);
            await audit.RecordForUserAsync(db, user.Id, "session.sign-in-while-locked", http, cancellationToken);
            return (null, WrongCredentials());
        }

        if (!passwords.Verify(user, presented.Password))
        {
            await CountFailureAsync(db, user.Id, "session.sign-in-failed", now, http, cancellationToken);
            return (null, WrongCredentials());
        }

        // A signed-in person re-entering their password (to change it) already passed the second factor.
        if (user.HasTotp && requireSecondFactor)
        {
            switch (await twoFactor.VerifyAsync(db, user, presented.TotpCode, presented.RecoveryCode, cancellationToken))
            {
                case SecondFactorOutcome.Missing:
                    return (null, ProblemDetailsSetup.Problem(401, ProblemTypes.For("mfa-required"), "Enter the code from your authenticator app.", "Send 'totpCode', or one of your 'recoveryCode's."));
                case SecondFactorOutcome.Wrong:
                    await CountFailureAsync(db, user.Id, "session.mfa-failed", now, http, cancellationToken);
                    return (null, ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-mfa-code"), "That code is wrong or was already used."));
                case SecondFactorOutcome.PassedWithRecoveryCode:
                    await audit.RecordForUserAsync(db, user.Id, "mfa.recovery-code-used", http, cancellationToken);
                    break;
                case SecondFactorOutcome.Passed:
                    break;
            }
        }

        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTime?)null), cancellationToken);
        return (user, null);
    }

    public static ProblemHttpResult WrongCredentials() =>
        ProblemDetailsSetup.Problem(401, ProblemTypes.For("invalid-credentials"), "The email or password is wrong.");

    /// <summary>
    /// Counts a failure with an atomic increment (parallel guesses each count), locks the account when the
    /// count calls for it, and audits both.
    /// </summary>
    private async Task CountFailureAsync(FormaDbContext db, Guid userId, string action, DateTime now, HttpContext http, CancellationToken cancellationToken)
    {
        var account = db.Users.Where(u => u.Id == userId);
        await account.ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), cancellationToken);
        var failures = await account.Select(u => u.FailedSignIns).SingleAsync(cancellationToken);
        await audit.RecordForUserAsync(db, userId, action, http, cancellationToken);
        if (User.LockFor(failures) is { } duration)
        {
            var until = now + duration;
            await account.ExecuteUpdateAsync(set => set.SetProperty(u => u.LockedUntil, until), cancellationToken);
            await audit.RecordForUserAsync(db, userId, "account.locked", http, cancellationToken);
        }
    }
}
