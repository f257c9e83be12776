using Forma.Core.Accounts;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.ApiKeys;
using Microsoft.AspNetCore.Authorization;

namespace Forma.Web.Infrastructure.Access;

/// <summary>
/// Who may call what. The default policy (<c>RequireAuthorization()</c>) admits only a person's session,
/// so an endpoint is closed to API keys unless it says otherwise with <see cref="RequireScope"/>, which
/// admits a person's session or a key holding the scope. Role and resource checks follow in the handler.
/// </summary>
public static class ApiAccess
{
    public static string PolicyFor(string scope) => "scope:" + scope;

    public static AuthorizationBuilder AddApiAccessPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(AccessTokens.SessionClaim).Build());
        foreach (var scope in ApiScopes.All)
        {
            builder.AddPolicy(PolicyFor(scope), policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.HasClaim(c => c.Type == AccessTokens.SessionClaim) || context.User.HasClaim(ApiKeyAuthentication.ScopeClaim, scope)));
        }

        return builder;
    }

    /// <summary>Open to people signed in to the business and to API keys with <paramref name="scope"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PolicyFor(scope));
}
