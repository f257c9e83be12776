using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// A refresh token as the client holds it: <c>{tenant id}.{secret}</c>. The tenant part lets the refresh
/// endpoint act for the right business before it looks anything up (row-level security needs it); only
/// a SHA-256 of the secret is stored.
/// </summary>
public readonly record struct RefreshTokenValue(Guid TenantId, string Secret)
{
    public static RefreshTokenValue New(Guid tenantId) => new(tenantId, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public static bool TryParse(string? value, out RefreshTokenValue token)
    {
        token = default;
        var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot < 0 || !Guid.TryParseExact(value![..dot], "N", out var tenantId) || value.Length - dot - 1 != 43)
        {
            return false;
        }

        token = new RefreshTokenValue(tenantId, value[(dot + 1)..]);
        return true;
    }

    public string Hash => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(Secret)));

    public override string ToString() => $"{TenantId:N}.{Secret}";
}
