namespace Forma.Web.Infrastructure.Security;

/// <summary>
/// Page redirects made through NavigationManager come out absolute, built from the request's Host header, which
/// the caller controls (a forged Host would send the browser, or a cache's copy of the answer, to another domain).
/// A redirect back to this same origin is cut down to its path: browsers resolve it against the address they
/// actually used, so it works on the configured domain and on every tenant subdomain alike.
/// </summary>
public static class HostFreeRedirects
{
    public static IApplicationBuilder UseHostFreeRedirects(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var location = context.Response.Headers.Location.ToString();
                var origin = $"{context.Request.Scheme}://{context.Request.Host}";
                if (location.Length > origin.Length && location.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase))
                {
                    var path = location[origin.Length..];
                    // "//other.example/…" or "/\other.example" would be read as another host: leave those absolute.
                    if (!path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal))
                    {
                        context.Response.Headers.Location = path;
                    }
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
