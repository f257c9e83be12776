using System.Net;

namespace Forma.Web.Tests.Problems;

public class SecurityHeadersTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/openapi/v1.json")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_AnswersListedOriginsOnly()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Cors:AllowedOrigins:0"] = "https://app.example.com" });

        foreach (var (origin, allowed) in new[] { ("https://app.example.com", true), ("https://evil.example.com", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/athletes");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
            using var response = await host.Client.SendAsync(preflight);

            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        }
    }

    [Fact]
    public async Task Explorer_GetsAPolicyThatLetsItsOwnScriptsRun()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>No inline script may run on the explorer: its page carries none, and its policy would refuse one.</summary>
    [Fact]
    public async Task Explorer_RunsOnlyScriptFiles()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/docs/index.html");
        var html = await response.Content.ReadAsStringAsync();

        var scriptSources = response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe", scriptSources, StringComparison.Ordinal);
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(" src=", tag.Value, StringComparison.Ordinal));
        using var init = await host.Client.GetAsync("/docs/index.js");
        Assert.Equal(HttpStatusCode.OK, init.StatusCode);
        Assert.Contains("SwaggerUIBundle", await init.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
