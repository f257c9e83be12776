using System.ComponentModel.DataAnnotations;
using Forma.Core.Accounts;

namespace Forma.Web.Features.ApiKeys;

public sealed record CreateApiKeyRequest(
    [property: Required, StringLength(ApiKey.NameMaxLength, MinimumLength = 1)] string Name,
    [property: Required, MinLength(1), MaxLength(20)] string[] Scopes,
    DateTime? ExpiresAt = null);

/// <summary>A key as lists show it: never the secret.</summary>
public sealed record ApiKeyInfo(Guid Id, string Name, string Hint, IReadOnlyList<string> Scopes, Guid CreatedBy, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyInfo From(ApiKey key) =>
        new(key.Id, key.Name, ApiKey.Prefix + key.Hint + "…", key.ScopeList, key.CreatedByUserId, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>The one time the secret is shown: store <c>Key</c> now, it cannot be read again.</summary>
public sealed record CreatedApiKey(string Key, ApiKeyInfo Info);
