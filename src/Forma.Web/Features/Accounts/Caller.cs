using System.Security.Claims;
using Forma.Core.People;

namespace Forma.Web.Features.Accounts;

/// <summary>The signed-in person as the athletes feature needs them: role and membership in the request's business.</summary>
internal sealed record Caller(Guid UserId, Guid MembershipId, Role Role)
{
    public static Caller From(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue("sub")!),
        Guid.Parse(user.FindFirstValue(AccessTokens.MembershipClaim)!),
        Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role)!));

    public bool ManagesEveryone => Role is Role.Owner or Role.Admin;

    public bool IsStaff => ManagesEveryone || Role == Role.Coach;
}
