using System.Security.Claims;
using Forma.Core.People;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// Who is calling, as the credential describes them: a person in one business with a membership, a role
/// and a session — or an API key, which acts for the whole business (as an admin would, within its
/// scopes) on behalf of the person who created it. The one place that reads those claims.
/// </summary>
internal sealed record Caller(Guid UserId, Guid TenantId, Guid MembershipId, Role Role, Guid SessionId, Guid? ApiKeyId = null)
{
    public static Caller From(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) is { } keyId)
        {
            return new Caller(Guid.Parse(user.FindFirstValue(ApiKeyAuthentication.CreatedByClaim)!), Guid.Parse(user.FindFirstValue(FormaClaims.TenantId)!),
                Guid.Empty, Role.Admin, Guid.Empty, Guid.Parse(keyId));
        }

        return new Caller(
            Guid.Parse(user.FindFirstValue("sub")!),
            Guid.Parse(user.FindFirstValue(FormaClaims.TenantId)!),
            Guid.Parse(user.FindFirstValue(AccessTokens.MembershipClaim)!),
            Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role)!),
            Guid.Parse(user.FindFirstValue(AccessTokens.SessionClaim)!));
    }

    public bool ManagesEveryone => Role is Role.Owner or Role.Admin;

    public bool IsStaff => ManagesEveryone || Role == Role.Coach;
}
