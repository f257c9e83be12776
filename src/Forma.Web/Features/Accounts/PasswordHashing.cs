using System.Security.Cryptography;
using Forma.Core.People;
using Microsoft.AspNetCore.Identity;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// Password hashes through ASP.NET Core Identity's maintained hasher (PBKDF2-HMAC-SHA512, versioned format),
/// with the iteration count raised to OWASP's 2023 guidance. A hash made with weaker parameters is replaced
/// on the next successful verification, so raising the count upgrades every account as people sign in.
/// </summary>
public sealed class PasswordHashing(IPasswordHasher<User> hasher)
{
    private readonly Lazy<User> _decoy = new(() =>
    {
        var user = User.Create("decoy@invalid.example", "Decoy", "Account", DateTime.UnixEpoch);
        user.SetPasswordHash(hasher.HashPassword(user, RandomNumberGenerator.GetHexString(32)));
        return user;
    });

    /// <summary>OWASP Password Storage Cheat Sheet (2023): 210,000 iterations for PBKDF2-HMAC-SHA512.</summary>
    public const int Iterations = 210_000;

    public string Hash(User user, string password) => hasher.HashPassword(user, password);

    /// <summary>
    /// True when the password matches. When the stored hash is outdated it is replaced on <paramref name="user"/>;
    /// the caller saves the user with whatever else the sign-in changes.
    /// </summary>
    public bool Verify(User user, string password)
    {
        if (user.PasswordHash is null)
        {
            return false;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, password));
        }

        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Verifies against an account nobody holds: the cost of a real check, for a sign-in with an unknown email.</summary>
    public void VerifyDecoy(string password) => hasher.VerifyHashedPassword(_decoy.Value, _decoy.Value.PasswordHash!, password);
}
