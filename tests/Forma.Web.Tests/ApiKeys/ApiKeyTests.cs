using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.ApiKeys;

public class ApiKeyTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Key_IsShownOnce_WorksWithinItsScopes_AndStopsWhenRevoked(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = await SignupAsync(host);
        var ownerToken = owner.Text("accessToken");
        var created = await CreateKeyAsync(host, ownerToken, ["athletes:read"]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.Text("key");
        Assert.StartsWith("fma_", key, StringComparison.Ordinal);
        var keyId = body.GetProperty("info").Text("id");

        using (var list = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/api-keys", ownerToken)))
        {
            var text = await list.Content.ReadAsStringAsync();
            Assert.Contains(keyId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(key[10..], text, StringComparison.Ordinal);
        }

        // The key reads athletes, by either header, but cannot write them or reach endpoints for people.
        using (var read = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", key)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var viaHeader = new HttpRequestMessage(HttpMethod.Get, "/api/v1/athletes"))
        {
            viaHeader.Headers.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(viaHeader)).StatusCode);
        }

        var write = WithToken(HttpMethod.Post, "/api/v1/athletes", key);
        write.Content = JsonContent.Create(new { firstName = "Kai", lastName = "Key" });
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(write)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/members", key))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/api-keys", key))).StatusCode);

        // A key with the right business but a made-up secret is refused.
        var forged = key[..^6] + (key[^6..] == "AAAAAA" ? "BBBBBB" : "AAAAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", forged))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(WithToken(HttpMethod.Delete, $"/api/v1/api-keys/{keyId}", ownerToken))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", key))).StatusCode);

        await using var scope = host.OpenDb(Guid.Parse(owner.Text("tenantId")));
        var db = scope.Db;
        var stored = await db.ApiKeys.SingleAsync();
        Assert.NotNull(stored.LastUsedAt);
        Assert.DoesNotContain(key[^43..], stored.SecretHash, StringComparison.Ordinal);
        var actions = await db.AuditEvents.Select(e => e.Action).ToListAsync();
        Assert.Contains("api-key.created", actions);
        Assert.Contains("api-key.revoked", actions);
    }

    [Fact]
    public async Task Key_AfterItsExpiry_IsRefused()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(clock: clock);
        var ownerToken = (await SignupAsync(host)).Text("accessToken");
        var created = await CreateKeyAsync(host, ownerToken, ["athletes:read", "athletes:write"], clock.GetUtcNow().UtcDateTime.AddDays(1));
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("key");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", key))).StatusCode);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", key))).StatusCode);
    }

    [Fact]
    public async Task Create_AsCoach_IsForbidden_AndUnknownScopesAreNamed()
    {
        await using var host = await WebHost.StartAsync();
        var owner = await SignupAsync(host);
        var (_, coachToken) = await AddPersonAsync(host, Guid.Parse(owner.Text("tenantId")), Role.Coach, "coach@example.com");
        await ProblemAssert.IsProblemAsync(await CreateKeyAsync(host, coachToken, ["athletes:read"]), HttpStatusCode.Forbidden, "forbidden");

        var bad = await ProblemAssert.IsProblemAsync(await CreateKeyAsync(host, owner.Text("accessToken"), ["everything"]), HttpStatusCode.BadRequest, "validation");
        Assert.True(bad.GetProperty("errors").TryGetProperty("scopes", out _));
    }

    [Fact]
    public async Task Key_OfOneBusiness_CannotReachAnother()
    {
        await using var host = await WebHost.StartAsync();
        var first = await SignupAsync(host);
        var second = await SignupAsync(host);
        var key = (await (await CreateKeyAsync(host, first.Text("accessToken"), ["athletes:read"])).Content.ReadFromJsonAsync<JsonElement>()).Text("key");

        // Naming the other business in the address is refused; the key itself only ever resolves to its own.
        var slug = (await (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/tenant", second.Text("accessToken")))).Content.ReadFromJsonAsync<JsonElement>()).Text("slug");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(WithToken(HttpMethod.Get, $"/t/{slug}/api/v1/athletes", key))).StatusCode);
        var swapped = "fma_" + Guid.Parse(second.Text("tenantId")).ToString("N") + key[36..];
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", swapped))).StatusCode);
    }

    private static Task<HttpResponseMessage> CreateKeyAsync(WebHost host, string accessToken, string[] scopes, DateTime? expiresAt = null)
    {
        var request = WithToken(HttpMethod.Post, "/api/v1/api-keys", accessToken);
        request.Content = JsonContent.Create(new { name = "Zapier", scopes, expiresAt });
        return host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Key_StopsWorking_WhenItsCreatorNoLongerManagesTheBusiness()
    {
        await using var host = await WebHost.StartAsync();
        var owner = await SignupAsync(host);
        var (adminId, adminToken) = await AddPersonAsync(host, Guid.Parse(owner.Text("tenantId")), Role.Admin, "admin@example.com");
        var key = (await (await CreateKeyAsync(host, adminToken, ["athletes:read"])).Content.ReadFromJsonAsync<JsonElement>()).Text("key");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", key))).StatusCode);

        using var demoted = await Send(host, HttpMethod.Put, $"/api/v1/members/{adminId}/role", owner.Text("accessToken"), new { role = "Coach" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/athletes", key))).StatusCode);
    }
}
