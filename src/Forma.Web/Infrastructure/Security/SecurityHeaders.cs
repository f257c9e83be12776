using Forma.Web.Infrastructure.Endpoints;

namespace Forma.Web.Infrastructure.Security;

/// <summary>
/// Headers every response carries (OWASP Secure Headers Project). The API serves JSON, so its policy
/// allows nothing to load or frame it; the API explorer under <c>/docs</c> needs its own scripts and
/// styles, and gets a policy that allows exactly those files from this origin; the pages get theirs (own-origin scripts
/// only, no inline script). HSTS is added by UseHsts on HTTPS.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /// <summary>The explorer's page loads its start-up script as a file (<c>/docs/index.js</c>), so no inline script is allowed.
    /// Inline styles stay allowed: the UI positions and colours elements with style attributes, which cannot run code.</summary>
    public const string ExplorerPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The pages load scripts, styles, images and the service worker from this origin only; inline scripts are refused.
    /// Inline style attributes are allowed because the chart library and the SVG route position elements with them.</summary>
    public const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? ExplorerPolicy
                    : IsPage(context) ? PagePolicy : ApiPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>HTML pages and the service worker (whose own policy governs what it may fetch); JSON, files and health answers keep the strict policy.</summary>
    private static bool IsPage(HttpContext context) =>
        !ApiPaths.Matches(context.Request)
        && (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true || context.Request.Path == "/sw.js");
}
