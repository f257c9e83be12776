using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;

namespace Forma.Web.Tests.Tenancy;

public class TenantResolutionTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task PathPrefix_ResolvesTheTenant(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var (id, slug) = await host.CreateTenantAsync();
        await host.CreateTenantAsync();

        var profile = await host.Client.GetFromJsonAsync<JsonElement>($"/t/{slug}/api/v1/tenant");

        Assert.Equal(id, profile.GetProperty("id").GetGuid());
        Assert.Equal(slug, profile.GetProperty("slug").GetString());
        Assert.Equal("Europe/Madrid", profile.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Subdomain_ResolvesTheTenant()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Tenancy:BaseDomain"] = "forma.test" });
        var (id, slug) = await host.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenant");
        request.Headers.Host = $"{slug}.forma.test";

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>One business's subdomain must never serve another's /t/{slug} pages under its origin.</summary>
    [Fact]
    public async Task SubdomainAndPathNamingDifferentTenants_AreRefused()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Tenancy:BaseDomain"] = "forma.test" });
        var (_, acme) = await host.CreateTenantAsync();
        var (_, other) = await host.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/t/{other}/api/v1/tenant");
        request.Headers.Host = $"{acme}.forma.test";

        using var response = await host.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "tenant-mismatch");
    }

    [Fact]
    public async Task UnknownSlug_AnswersTenantNotFound()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/t/nobody-here/api/v1/tenant");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "tenant-not-found");
    }

    /// <summary>Fail closed: a tenant-scoped endpoint reached with no tenant named refuses rather than guessing.</summary>
    [Fact]
    public async Task TenantEndpoint_WithNoTenantNamed_AnswersTenantNotFound()
    {
        await using var host = await WebHost.StartAsync();
        await host.CreateTenantAsync();

        using var response = await host.Client.GetAsync("/api/v1/tenant");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "tenant-not-found");
    }
}
