using System.Security.Claims;
using System.Text.Encodings.Web;
using Forma.Web.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// The browser's session for the pages: a signed token for the same session an API client would get, kept in an
/// HttpOnly, SameSite=Lax cookie. Pages' forms carry antiforgery tokens; the JSON API believes the cookie only when
/// the request also carries <see cref="PageHeader"/>, which another site's page cannot add without a CORS preflight
/// that this host refuses — so a forged cross-site request is anonymous.
/// </summary>
internal sealed class PageSessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "PageSession";
    public const string CookieName = "forma_session";
    public const string PageHeader = "X-Forma-Page";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var token) || token.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (ApiPaths.Matches(Request) && !Request.Headers.ContainsKey(PageHeader))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.ValidateAsync(token, Context.RequestAborted);
        if (identity is null || !identity.HasClaim(AccessTokens.PageSessionClaim, "true"))
        {
            // Expired, from a rotated key, or an API token planted in the cookie: the person simply signs in again.
            Response.Cookies.Delete(CookieName);
            return AuthenticateResult.NoResult();
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, SchemeName, identity.NameClaimType, identity.RoleClaimType));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Pages send the person to the sign-in page and back; the API answers 401 as it does for a missing token.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (ApiPaths.Matches(Request))
        {
            return Context.ChallengeAsync(AccessTokenAuthentication.SchemeName);
        }

        Response.Redirect(SignInUrl(Request));
        return Task.CompletedTask;
    }

    public static string SignInUrl(HttpRequest request) =>
        $"{request.PathBase}/signin?returnUrl={Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)}";

    /// <summary>A page (not the JSON API) requested by a browser signed in with this cookie: such requests are redirected, not answered with problem JSON.</summary>
    public static bool IsPageRequest(HttpContext context) =>
        context.User.Identity?.AuthenticationType == SchemeName && !ApiPaths.Matches(context.Request);

    /// <summary>Starts a page session: the cookie holds a longer-lived token for the session an API sign-in just created.</summary>
    public static async Task SignInAsync(HttpContext http, string accessToken, CancellationToken cancellationToken)
    {
        var tokens = http.RequestServices.GetRequiredService<AccessTokens>();
        var identity = await tokens.ValidateAsync(accessToken, cancellationToken)
            ?? throw new InvalidOperationException("A token issued a moment ago did not validate.");
        SetCookie(http, await tokens.CreateAsync(AccessTokenSubject.From(identity), cancellationToken, PageLifetime(http), pageSession: true), PageLifetime(http));
    }

    private static TimeSpan PageLifetime(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.PageSessionLifetime;

    private static void SetCookie(HttpContext http, string pageToken, TimeSpan lifetime)
    {
        http.Response.Cookies.Append(CookieName, pageToken, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    /// <summary>Re-issues the cookie for the same session, e.g. once the second factor the business requires is set up.</summary>
    public static async Task RenewAsync(HttpContext http, bool mfaSetupDone, CancellationToken cancellationToken)
    {
        var tokens = http.RequestServices.GetRequiredService<AccessTokens>();
        var subject = AccessTokenSubject.From((ClaimsIdentity)http.User.Identity!) with { MfaSetupRequired = !mfaSetupDone && http.User.HasClaim(AccessTokens.MfaSetupRequiredClaim, "true") };
        SetCookie(http, await tokens.CreateAsync(subject, cancellationToken, PageLifetime(http), pageSession: true), PageLifetime(http));
    }

    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
