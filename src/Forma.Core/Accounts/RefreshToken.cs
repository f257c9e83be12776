using Forma.Core.Tenancy;

namespace Forma.Core.Accounts;

/// <summary>
/// One refresh token of a session. Only its SHA-256 hash is stored. Every use replaces it with a new one in
/// the same <see cref="FamilyId"/> (the session); presenting a token that was already used means someone
/// holds a stolen copy, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid MembershipId { get; private set; }

    /// <summary>The session: the first token's id, shared by every token that replaced it.</summary>
    public Guid FamilyId { get; private set; }

    /// <summary>Hex SHA-256 of the token's secret part.</summary>
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? UsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    private RefreshToken()
    {
    }

    public static RefreshToken Issue(Guid tenantId, Guid userId, Guid membershipId, Guid? familyId, string tokenHash, DateTime now, TimeSpan lifetime, string? ipAddress, string? userAgent)
    {
        var id = Guid.CreateVersion7(now);
        return new RefreshToken
        {
            TenantId = tenantId,
            Id = id,
            UserId = userId,
            MembershipId = membershipId,
            FamilyId = familyId ?? id,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            IpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress,
            UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
        };
    }

    public bool IsActive(DateTime now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;
}
