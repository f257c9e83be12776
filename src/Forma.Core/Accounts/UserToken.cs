namespace Forma.Core.Accounts;

/// <summary>
/// A single-use, expiring token mailed to a person: it proves they read mail at their address. Global like
/// <see cref="People.User"/>, since neither verifying an email nor resetting a password happens in a tenant.
/// Only the hash of the secret is stored.
/// </summary>
public sealed class UserToken
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public UserTokenPurpose Purpose { get; private set; }

    /// <summary>Hex SHA-256 of the secret (<see cref="SecretHash"/>).</summary>
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    /// <summary>How long each kind stays valid: a reset link briefly (OWASP: short-lived), a verification link for days.</summary>
    public static TimeSpan LifetimeOf(UserTokenPurpose purpose) => purpose switch
    {
        UserTokenPurpose.PasswordReset => TimeSpan.FromHours(1),
        UserTokenPurpose.EmailVerification => TimeSpan.FromDays(3),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    private UserToken()
    {
    }

    public static UserToken Issue(Guid userId, UserTokenPurpose purpose, string tokenHash, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Purpose = purpose,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + LifetimeOf(purpose),
    };

    public bool IsUsableAt(DateTime now) => UsedAt is null && ExpiresAt > now;
}
