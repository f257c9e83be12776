using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Forma.Web.Tests.Pages;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Architecture;

/// <summary>
/// The page and the API are two doors to one use case: what the API refuses — for the plan, the role or a field — the
/// page refuses with the same words, and nothing changes. Before the application layer the pages called endpoint
/// handlers directly and skipped the endpoints' filters (the plan gate among them).
/// </summary>
public class SameRefusalOnEveryDoorTests
{
    private const string Scope = "athletes:read";

    [Fact]
    public async Task ApiKeyCreation_WhenThePlanLacksApiKeys_IsRefusedOnThePageExactlyAsByTheApi()
    {
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite, clock: clock);
        var (slug, email) = await PageSessionTests.SignupPagesAsync(host);
        // The trial (Pro, with API keys) ends after 14 days; the business is then on Free, which has none.
        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));

        var api = await ProblemAssert.IsProblemAsync(
            await Send(host, HttpMethod.Post, "/api/v1/api-keys", await TokenAsync(host, email), new { name = "Zapier", scopes = new[] { Scope } }),
            HttpStatusCode.Forbidden, "plan-feature");
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);
        var page = await PostAsync(browser, $"/t/{slug}/app/settings/api-keys", "create-key", new() { ["NewKey.Name"] = "Zapier", ["NewKey.Scopes"] = Scope });

        Assert.Contains(WebUtility.HtmlEncode(api.Text("title")), page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(api.Text("detail")), page, StringComparison.Ordinal);
        await using var scope = host.OpenDb(await PageSessionTests.TenantIdAsync(host, slug));
        Assert.Empty(scope.Db.ApiKeys);
    }

    [Fact]
    public async Task ApiKeyCreation_WithABlankName_NamesTheSameFieldAndMessageOnThePageAsTheApi()
    {
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite);
        var (slug, email) = await PageSessionTests.SignupPagesAsync(host);

        var api = await ProblemAssert.IsProblemAsync(
            await Send(host, HttpMethod.Post, "/api/v1/api-keys", await TokenAsync(host, email), new { name = " ", scopes = new[] { Scope } }),
            HttpStatusCode.BadRequest, "validation");
        var (field, messages) = api.GetProperty("errors").EnumerateObject().Select(p => (p.Name, p.Value.EnumerateArray().Select(m => m.GetString()!).ToList())).Single();
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);
        var page = await PostAsync(browser, $"/t/{slug}/app/settings/api-keys", "create-key", new() { ["NewKey.Name"] = " ", ["NewKey.Scopes"] = Scope });

        Assert.Contains($"<strong>{field}</strong>: {WebUtility.HtmlEncode(messages[0])}", page, StringComparison.Ordinal);
        await using var scope = host.OpenDb(await PageSessionTests.TenantIdAsync(host, slug));
        Assert.Empty(scope.Db.ApiKeys);
    }

    [Fact]
    public async Task PackageOffer_ByACoach_IsRefusedOnThePageExactlyAsByTheApi()
    {
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite);
        var (slug, _) = await PageSessionTests.SignupPagesAsync(host);
        var tenantId = await PageSessionTests.TenantIdAsync(host, slug);
        var coachEmail = $"coach-{Guid.NewGuid():N}@example.com";
        var (_, coachToken) = await AddPersonAsync(host, tenantId, Role.Coach, coachEmail);

        var api = await ProblemAssert.IsProblemAsync(
            await Send(host, HttpMethod.Post, "/api/v1/packages", coachToken, new { name = "Ten sessions", kind = "PunchCard", sessions = 10, validDays = 90, priceMinor = 40000, currency = "EUR" }),
            HttpStatusCode.Forbidden, "forbidden");
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, coachEmail, Password);
        var page = await PostAsync(browser, $"/t/{slug}/app/settings/packages", "offer", new()
        {
            ["Offer.Name"] = "Ten sessions", ["Offer.Kind"] = "PunchCard", ["Offer.Sessions"] = "10", ["Offer.ValidDays"] = "90", ["Offer.Price"] = "400", ["Offer.Currency"] = "EUR",
        });

        Assert.Contains(WebUtility.HtmlEncode(api.Text("title")), page, StringComparison.Ordinal);
        await using var scope = host.OpenDb(tenantId);
        Assert.Empty(scope.Db.Packages);
    }

    private static async Task<string> TokenAsync(WebHost host, string email)
    {
        using var login = await LoginAsync(host, email, Password);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken");
    }

    private static async Task<string> PostAsync(PageClient browser, string path, string form, Dictionary<string, string> fields)
    {
        using var response = await browser.SubmitAsync(path, form, fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        return html;
    }
}
