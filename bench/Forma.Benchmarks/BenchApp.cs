using Forma.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forma.Benchmarks;

/// <summary>The app as production builds it, on a free loopback port, for the load generators.</summary>
internal static class BenchApp
{
    /// <summary>Builds with <paramref name="settings"/>; the app's logs are off unless FORMA_BENCH_LOG is set (e.g. to see SQL timings).</summary>
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>> settings) => FormaApp.Build([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(settings);
        if (Environment.GetEnvironmentVariable("FORMA_BENCH_LOG") is null)
        {
            builder.Logging.ClearProviders();
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
    });

    /// <summary>Where a started app listens.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
