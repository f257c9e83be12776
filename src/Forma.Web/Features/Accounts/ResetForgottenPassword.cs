using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.People.Passwords;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// Chooses a new password with the emailed link's token. The link proves the mailbox, so the address counts as
/// confirmed; every session of the account ends, so whoever knew the old password is signed out too.
/// </summary>
internal sealed class ResetForgottenPassword(FormaDbContext db, PasswordHashing passwords, IServiceScopeFactory scopes, SecurityAudit audit, RequestOrigin origin, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.Ensure(request);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = await UserTokens.PeekAsync(db, request.Token, UserTokenPurpose.PasswordReset, now, cancellationToken) ?? throw ConfirmEmail.InvalidToken();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (PasswordPolicy.Check(request.NewPassword, user.Email) is { Count: > 0 } problems)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["newPassword"] = [.. problems] });
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await UserTokens.RedeemAsync(db, request.Token, userId, UserTokenPurpose.PasswordReset, now, cancellationToken))
            {
                throw ConfirmEmail.InvalidToken();
            }

            user.ResetPassword(passwords.Hash(user, request.NewPassword));
            user.MarkEmailVerified(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await EveryBusiness.EndSessionsAsync(scopes, db, user.Id, "password-reset", null, now, cancellationToken);
        await audit.RecordForUserAsync(db, user.Id, "account.password-reset", origin, cancellationToken);
    }
}
