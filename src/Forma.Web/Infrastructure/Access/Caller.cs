using System.Security.Claims;
using Forma.Core;
using Forma.Core.People;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Infrastructure.Access;

/// <summary>
/// Who is calling, as the credential describes them: a person in one business with a membership, a role
/// and a session — or an API key, which acts for the whole business (as an admin would, within its
/// scopes) on behalf of the person who created it. The one place that reads those claims; use cases take it
/// as their first argument, whichever door (page, endpoint, job, test) they were called through.
/// </summary>
internal sealed record Caller(Guid UserId, Guid TenantId, Guid MembershipId, Role Role, Guid SessionId, Guid? ApiKeyId = null, IReadOnlyList<string>? KeyScopes = null)
{
    public static Caller From(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) is { } keyId)
        {
            return new Caller(Guid.Parse(user.FindFirstValue(ApiKeyAuthentication.CreatedByClaim)!), Guid.Parse(user.FindFirstValue(FormaClaims.TenantId)!),
                Guid.Empty, Role.Admin, Guid.Empty, Guid.Parse(keyId), [.. user.FindAll(ApiKeyAuthentication.ScopeClaim).Select(c => c.Value)]);
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

    /// <summary>A person's session may do whatever their role allows; an API key only what its scopes name.</summary>
    public bool Holds(string scope) => ApiKeyId is null || KeyScopes?.Contains(scope, StringComparer.Ordinal) == true;

    /// <summary>Refuses (403) an API key without <paramref name="scope"/>; the endpoint's policy already did, this keeps other doors honest.</summary>
    public void RequireScope(string scope)
    {
        if (!Holds(scope))
        {
            throw DomainException.Forbidden($"This API key lacks the '{scope}' scope.", "missing-scope");
        }
    }

    /// <summary>Refuses (403) anyone who is not staff (owner, admin or coach).</summary>
    public void RequireStaff(string message)
    {
        if (!IsStaff)
        {
            throw DomainException.Forbidden(message);
        }
    }

    /// <summary>Refuses (403) anyone who is not an owner or admin.</summary>
    public void RequireManager(string message)
    {
        if (!ManagesEveryone)
        {
            throw DomainException.Forbidden(message);
        }
    }
}
