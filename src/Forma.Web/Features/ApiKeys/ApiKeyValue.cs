using Forma.Core.Accounts;

namespace Forma.Web.Features.ApiKeys;

/// <summary>
/// An API key as the integration holds it: <c>fma_{tenant id}_{secret}</c>. The prefix makes a leaked key
/// recognisable to people and secret scanners; the tenant part lets authentication look the key up
/// inside its business (row-level security); only a SHA-256 of the secret is stored.
/// </summary>
public readonly record struct ApiKeyValue(Guid TenantId, string Secret)
{
    private const int TenantLength = 32;
    private const int Length = 4 + TenantLength + 1 + SecretHash.SecretLength;

    public static ApiKeyValue New(Guid tenantId) => new(tenantId, SecretHash.NewSecret());

    public static bool LooksLikeKey(string? value) => value is not null && value.StartsWith(ApiKey.Prefix, StringComparison.Ordinal);

    public static bool TryParse(string? value, out ApiKeyValue key)
    {
        key = default;
        if (!LooksLikeKey(value) || value!.Length != Length || value[4 + TenantLength] != '_'
            || !Guid.TryParseExact(value.AsSpan(4, TenantLength), "N", out var tenantId))
        {
            return false;
        }

        key = new ApiKeyValue(tenantId, value[(4 + TenantLength + 1)..]);
        return true;
    }

    public string Hash => SecretHash.Of(Secret);

    /// <summary>Shown in lists so people can tell their keys apart; a few characters of a 256-bit secret give nothing away.</summary>
    public string Hint => Secret[..6];

    public override string ToString() => $"{ApiKey.Prefix}{TenantId:N}_{Secret}";
}
