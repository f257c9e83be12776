using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Operations;

/// <summary>Authenticates platform operators by a shared key, compared in constant time.</summary>
internal sealed class OperatorKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<OperationsOptions> operations) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "OperatorKey";
    public const string Header = "X-Operator-Key";
    public const string Policy = "Operator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var configured = operations.Value.ApiKey;
        if (string.IsNullOrEmpty(configured) || !Request.Headers.TryGetValue(Header, out var presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Hashing first makes both sides the same length, so the comparison time says nothing about the key.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented.ToString()));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return Task.FromResult(AuthenticateResult.Fail("The operator key is wrong."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, Policy)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
