using Forma.Core;
using Forma.Core.Accounts;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Confirms an email address with the emailed link's token (once; a used or expired token is refused).</summary>
internal sealed class ConfirmEmail(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(VerifyEmailRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.Ensure(request);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await UserTokens.PeekAsync(db, request.Token, UserTokenPurpose.EmailVerification, now, cancellationToken) is not { } userId
            || !await UserTokens.RedeemAsync(db, request.Token, userId, UserTokenPurpose.EmailVerification, now, cancellationToken))
        {
            throw InvalidToken();
        }

        await db.Users.Where(u => u.Id == userId && u.EmailVerifiedAt == null).ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailVerifiedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A mailed link that does not work (401).</summary>
    public static DomainException InvalidToken() =>
        new(RefusalKind.Unauthenticated, "invalid-token", "This link is invalid, expired or was already used.", "Ask for a new one.");
}
