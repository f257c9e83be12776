using Forma.Core.Accounts;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// A secret that belongs to one business, as the client holds it: <c>{tenant id}.{secret}</c> (refresh
/// tokens, invitations). The tenant part lets an anonymous endpoint act for the right business before it
/// looks anything up (row-level security needs it); only a SHA-256 of the secret is stored.
/// </summary>
public readonly record struct TenantToken(Guid TenantId, string Secret)
{
    public static TenantToken New(Guid tenantId) => new(tenantId, SecretHash.NewSecret());

    public static bool TryParse(string? value, out TenantToken token)
    {
        token = default;
        var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot < 0 || !Guid.TryParseExact(value![..dot], "N", out var tenantId) || value.Length - dot - 1 != SecretHash.SecretLength)
        {
            return false;
        }

        token = new TenantToken(tenantId, value[(dot + 1)..]);
        return true;
    }

    public string Hash => SecretHash.Of(Secret);

    public override string ToString() => $"{TenantId:N}.{Secret}";
}
