using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Accounts;

/// <summary>Reads <c>Authorization: Bearer &lt;access token&gt;</c>. A bad token fails authentication (401), never silently passes as anonymous.</summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return identity is null
            ? AuthenticateResult.Fail("The access token is invalid or expired.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
