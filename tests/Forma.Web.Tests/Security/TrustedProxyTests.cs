using System.Net;
using System.Net.Http.Json;

namespace Forma.Web.Tests.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only from configured proxies: the per-IP sign-in limit cannot be
/// dodged by inventing addresses, and HTTPS-only behaviour (HSTS, Secure cookies) follows a trusted proxy's word.
/// </summary>
public class TrustedProxyTests
{
    [Fact]
    public async Task ForwardedFor_FromAnUnlistedProxy_DoesNotSpreadTheSignInLimit()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["RateLimits:Auth:PermitLimit"] = "2" });

        var statuses = await SignInsFromInventedAddressesAsync(host, 3);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAListedProxy_CountsEachClientOnItsOwn()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["RateLimits:Auth:PermitLimit"] = "2", ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        var statuses = await SignInsFromInventedAddressesAsync(host, 3);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
    }

    [Fact]
    public async Task Hsts_FollowsForwardedProto_OnlyFromATrustedNetwork()
    {
        await using var untrusted = await WebHost.StartAsync();
        using (var response = await untrusted.Client.SendAsync(ForwardedHttps("/health/live")))
        {
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }

        await using var behindProxy = await WebHost.StartAsync(settings: new() { ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8" });
        using (var response = await behindProxy.Client.SendAsync(ForwardedHttps("/health/live")))
        {
            // One year in seconds (365 × 86,400), and every tenant subdomain with it.
            Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        }
    }

    [Fact]
    public async Task AntiforgeryCookie_OnHttpsFromATrustedProxy_IsSecure()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        var (_, slug) = await host.CreateTenantAsync();

        // Without a cookie jar, so each answer sets a fresh antiforgery cookie.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Client.BaseAddress };
        using var overHttp = await client.GetAsync($"/t/{slug}/signin");
        using var overHttps = await client.SendAsync(ForwardedHttps($"/t/{slug}/signin"));

        Assert.DoesNotContain("secure", AntiforgeryCookie(overHttp), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", AntiforgeryCookie(overHttps), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<HttpStatusCode>> SignInsFromInventedAddressesAsync(WebHost host, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            {
                Content = JsonContent.Create(new { email = $"nobody-{i}-{Guid.NewGuid():N}@example.com", password = "wrong-password-123" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await host.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static HttpRequestMessage ForwardedHttps(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        // Not one of UseHsts's excluded development hosts (localhost, 127.0.0.1, [::1]).
        request.Headers.Host = "forma.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("forma_antiforgery=", StringComparison.Ordinal));
}
