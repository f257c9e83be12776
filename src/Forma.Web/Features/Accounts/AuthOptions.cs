namespace Forma.Web.Features.Accounts;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string Issuer = "forma";
    public const string Audience = "forma-api";

    /// <summary>Access tokens are short-lived (at most 15 minutes) because they are not checked against the session store.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an unused refresh token stays valid; each use starts a fresh one.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a browser stays signed in to the pages. The cookie's token is checked against the session on
    /// every request (<see cref="SessionLivenessMiddleware"/>), so signing out or revoking ends it at once.
    /// </summary>
    public TimeSpan PageSessionLifetime { get; set; } = TimeSpan.FromDays(7);
}
