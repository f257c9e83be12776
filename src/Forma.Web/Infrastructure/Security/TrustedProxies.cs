using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Forma.Web.Infrastructure.Security;

/// <summary>
/// Behind a reverse proxy the client's address and scheme arrive in X-Forwarded-For and X-Forwarded-Proto. They are
/// believed only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), both empty by default. ASP.NET's own default trusts loopback,
/// which would let any local process — or a proxy on the same box that passes the header through — choose the
/// address that rate limits and audit entries see, and claim HTTPS.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With both lists empty the middleware would believe every sender, so then it reads nothing at all.
            options.ForwardedHeaders = proxies.Length + networks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
