using Forma.Core.Accounts;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Issues and redeems the single-use tokens mailed to people (<see cref="UserToken"/>).</summary>
internal static class UserTokens
{
    /// <summary>Adds a token for the caller's save and returns its secret, which only the email will carry.</summary>
    public static string Issue(FormaDbContext db, Guid userId, UserTokenPurpose purpose, DateTime now)
    {
        var secret = SecretHash.NewSecret();
        db.UserTokens.Add(UserToken.Issue(userId, purpose, SecretHash.Of(secret), now));
        return secret;
    }

    /// <summary>The person a usable token belongs to, without using it up; null for a wrong, used or expired token.</summary>
    public static Task<Guid?> PeekAsync(FormaDbContext db, string? secret, UserTokenPurpose purpose, DateTime now, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(secret ?? "");
        return db.UserTokens.Where(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .Select(t => (Guid?)t.UserId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Uses the token up — atomically, so two requests with one link cannot both succeed — along with every
    /// other open token of the same purpose for that person (an older reset link dies with the newer one).
    /// Returns false when the token was no longer usable.
    /// </summary>
    public static async Task<bool> RedeemAsync(FormaDbContext db, string secret, Guid userId, UserTokenPurpose purpose, DateTime now, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(secret);
        var claimed = await db.UserTokens.Where(t => t.TokenHash == hash && t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        await db.UserTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        return true;
    }
}
