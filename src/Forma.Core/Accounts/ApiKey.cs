using Forma.Core.Tenancy;

namespace Forma.Core.Accounts;

/// <summary>
/// A credential for an integration acting for the whole business within its scopes. The secret is shown
/// once, when created; only its hash is stored, with a short <see cref="Hint"/> so people can tell keys apart.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const int NameMaxLength = 100;

    /// <summary>Every key starts with this, so secret scanners and people recognise a leaked one.</summary>
    public const string Prefix = "fma_";

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The key's first characters after the prefix (e.g. <c>fma_0b1c…</c>), for lists.</summary>
    public string Hint { get; private set; } = "";
    public string SecretHash { get; private set; } = "";

    /// <summary>Space-separated <see cref="ApiScopes"/>.</summary>
    public string Scopes { get; private set; } = "";
    public Guid CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    private ApiKey()
    {
    }

    public static ApiKey Create(Guid tenantId, string name, IReadOnlyCollection<string> scopes, DateTime? expiresAt, Guid createdByUserId, string hint, string secretHash, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            throw new DomainException("invalid-name", $"A key's name has 1 to {NameMaxLength} characters.", "name");
        }

        if (scopes.Count == 0 || scopes.Any(s => !ApiScopes.IsKnown(s)))
        {
            throw new DomainException("invalid-scopes", $"Name one or more of: {string.Join(", ", ApiScopes.All)}.", "scopes");
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException("invalid-expiry", "The expiry lies in the future.", "expiresAt");
        }

        return new ApiKey
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Hint = hint,
            SecretHash = secretHash,
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedByUserId = createdByUserId,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
