using System.Security.Claims;
using Forma.Core.People;
using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// The signed-in person as the access token describes them: who, in which business, with which membership
/// and role, in which session. The one place that reads those claims.
/// </summary>
internal sealed record Caller(Guid UserId, Guid TenantId, Guid MembershipId, Role Role, Guid SessionId)
{
    public static Caller From(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue("sub")!),
        Guid.Parse(user.FindFirstValue(FormaClaims.TenantId)!),
        Guid.Parse(user.FindFirstValue(AccessTokens.MembershipClaim)!),
        Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role)!),
        Guid.Parse(user.FindFirstValue(AccessTokens.SessionClaim)!));

    public bool ManagesEveryone => Role is Role.Owner or Role.Admin;

    public bool IsStaff => ManagesEveryone || Role == Role.Coach;
}
