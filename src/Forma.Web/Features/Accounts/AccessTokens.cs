using System.Security.Claims;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Forma.Web.Features.Accounts;

/// <summary>What an access token says: who, in which business, with which role, in which session.</summary>
public sealed record AccessTokenSubject(Guid UserId, Guid TenantId, Guid MembershipId, string Role, Guid SessionId, bool MfaSetupRequired = false)
{
    /// <summary>The subject of a validated token, to issue another for the same session (a page session's cookie).</summary>
    public static AccessTokenSubject From(ClaimsIdentity identity) => new(
        Guid.Parse(identity.FindFirst(JwtRegisteredClaimNames.Sub)!.Value),
        Guid.Parse(identity.FindFirst(FormaClaims.TenantId)!.Value),
        Guid.Parse(identity.FindFirst(AccessTokens.MembershipClaim)!.Value),
        identity.FindFirst(ClaimTypes.Role)!.Value,
        Guid.Parse(identity.FindFirst(AccessTokens.SessionClaim)!.Value),
        identity.HasClaim(AccessTokens.MfaSetupRequiredClaim, "true"));
}

/// <summary>Signed JWTs (HMAC-SHA256) for the API; validated by <see cref="AccessTokenAuthentication"/>.</summary>
public sealed class AccessTokens(SigningKeys keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string MembershipClaim = "forma:membership_id";
    public const string SessionClaim = "sid";

    /// <summary>Present (value "true") while the business requires a second factor this staff member has not set up.</summary>
    public const string MfaSetupRequiredClaim = "forma:mfa_setup_required";

    /// <summary>Marks a token minted for the pages' cookie: it is valid only as that cookie, never as a bearer token.</summary>
    public const string PageSessionClaim = "forma:page_session";

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public TimeSpan Lifetime => options.Value.AccessTokenLifetime;

    public async Task<string> CreateAsync(AccessTokenSubject subject, CancellationToken cancellationToken, TimeSpan? lifetime = null, bool pageSession = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await keys.CurrentAsync(cancellationToken);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? Lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, subject.UserId.ToString()),
                new Claim(FormaClaims.TenantId, subject.TenantId.ToString()),
                new Claim(MembershipClaim, subject.MembershipId.ToString()),
                new Claim(ClaimTypes.Role, subject.Role),
                new Claim(SessionClaim, subject.SessionId.ToString()),
                .. subject.MfaSetupRequired ? [new Claim(MfaSetupRequiredClaim, "true")] : Array.Empty<Claim>(),
                .. pageSession ? [new Claim(PageSessionClaim, "true")] : Array.Empty<Claim>(),
            ]),
        });
    }

    /// <summary>The principal in a valid token, or null for one that is forged, expired, or not ours.</summary>
    public async Task<ClaimsIdentity?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        string? keyId;
        try
        {
            keyId = Handler.CanReadToken(token) ? Handler.ReadJsonWebToken(token).Kid : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            // A token whose parts do not decode is simply not a valid token.
            return null;
        }

        var key = await keys.FindAsync(keyId, cancellationToken);
        if (key is null)
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = AuthOptions.Issuer,
            ValidAudience = AuthOptions.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            // Lifetimes are judged by the application's clock, the same one that issued them.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return notBefore <= now + parameters.ClockSkew && expires > now - parameters.ClockSkew;
            },
            NameClaimType = JwtRegisteredClaimNames.Sub,
            RoleClaimType = ClaimTypes.Role,
        });
        return result.IsValid ? result.ClaimsIdentity : null;
    }
}
