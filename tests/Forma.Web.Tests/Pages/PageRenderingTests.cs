using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Pages;

/// <summary>Every page renders for every role that may open it, and the booking set-up page's forms change what the API then reports.</summary>
public class PageRenderingTests
{
    private static readonly string[] AppPages =
    [
        "app", "app/upload", "app/calendar", "app/calendar?view=day", "app/duplicates", "app/settings", "app/settings/members",
        "app/settings/security", "app/settings/api-keys", "app/settings/audit", "app/settings/preferences", "app/settings/booking", "app/settings/packages", "book",
    ];

    [Theory]
    [InlineData(Role.Owner)]
    [InlineData(Role.Coach)]
    [InlineData(Role.Athlete)]
    [InlineData(Role.Guardian)]
    public async Task EveryAppPage_RendersForTheRole(Role role)
    {
        await using var host = await WebHost.StartAsync();
        var (slug, ownerEmail) = await PageSessionTests.SignupPagesAsync(host);
        var email = ownerEmail;
        if (role != Role.Owner)
        {
            var tenantId = await PageSessionTests.TenantIdAsync(host, slug);
            email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
            await AddPersonAsync(host, tenantId, role, email, linkAthleteRecord: role == Role.Athlete);
        }

        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);
        foreach (var page in AppPages)
        {
            using var response = await browser.GetAsync($"/t/{slug}/{page}");
            // An athlete's dashboard is their own athlete page.
            var status = role == Role.Athlete && page == "app" ? HttpStatusCode.Redirect : HttpStatusCode.OK;
            Assert.True(status == response.StatusCode, $"{role} GET {page}: {(int)response.StatusCode}");
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task BookingSetup_AddingAServiceAndHours_MakesSlotsBookable(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(provider, clock: clock);
        var (slug, email) = await PageSessionTests.SignupPagesAsync(host);
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);

        using (var added = await browser.SubmitAsync($"/t/{slug}/app/settings/booking", "service", new()
        {
            ["Service.Name"] = "Bike fit", ["Service.Duration"] = "90", ["Service.Capacity"] = "1", ["Service.Price"] = "120.50", ["Service.Currency"] = "eur", ["Service.Buffer"] = "0",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Contains("Added Bike fit.", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var token = (await (await LoginAsync(host, email, Password)).Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken");
        using var services = await Send(host, HttpMethod.Get, "/api/v1/services", token);
        var service = (await services.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        Assert.Equal(12050, service.GetProperty("priceMinor").GetInt64());
        Assert.Equal("EUR", service.Text("currency"));
        using var me = await Send(host, HttpMethod.Get, "/api/v1/auth/me", token);
        var membership = (await me.Content.ReadFromJsonAsync<JsonElement>()).Text("membershipId");

        // Mondays 09:00–12:00 in Berlin: a 90-minute service starting every 15 minutes fits 7 times (09:00 … 10:30).
        using (var hours = await browser.SubmitAsync($"/t/{slug}/app/settings/booking", $"staff-{membership}", new()
        {
            ["Hours.TimeZone"] = "Europe/Berlin", ["Hours.StartMonday"] = "09:00", ["Hours.EndMonday"] = "12:00", ["Hours.Services"] = service.Text("id"),
        }))
        {
            Assert.Contains("Hours saved.", await hours.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var monday = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
        using var slots = await Send(host, HttpMethod.Get, $"/api/v1/availability?serviceId={service.Text("id")}&from={monday:O}&to={monday.AddDays(1):O}", token);
        var starts = (await slots.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(s => s.GetProperty("start").GetDateTime().ToUniversalTime()).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => monday.AddHours(8).AddMinutes(15 * i)).ToList(), starts);

        // Away until 10:30 that Monday: only 10:30–12:00 still holds the 90 minutes.
        using (var away = await browser.SubmitAsync($"/t/{slug}/app/settings/booking", $"except-{membership}", new()
        {
            ["Away.Date"] = "2026-11-23", ["Away.Start"] = "09:00", ["Away.End"] = "10:30", ["Away.Reason"] = "Dentist",
        }))
        {
            Assert.Contains("Dentist", await away.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var after = await Send(host, HttpMethod.Get, $"/api/v1/availability?serviceId={service.Text("id")}&from={monday:O}&to={monday.AddDays(1):O}", token);
        var left = (await after.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(s => s.GetProperty("start").GetDateTime().ToUniversalTime()).ToList();
        Assert.Equal([monday.AddHours(9).AddMinutes(30)], left);
    }

    [Fact]
    public async Task PunchCard_OfferedAndSoldOnThePackagesPage_IsHeldByTheClient()
    {
        await using var host = await WebHost.StartAsync();
        var (slug, email) = await PageSessionTests.SignupPagesAsync(host);
        var token = (await (await LoginAsync(host, email, Password)).Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken");
        using var created = await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = "Pat", lastName = "Punch" });
        var athleteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);

        // A rule the domain enforces by throwing is shown on the page, not answered with the API's JSON.
        using (var refused = await browser.SubmitAsync($"/t/{slug}/app/settings/packages", "offer", new()
        {
            ["Offer.Name"] = "Forever card", ["Offer.Kind"] = "PunchCard", ["Offer.Sessions"] = "10", ["Offer.Price"] = "90",
        }))
        {
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("A punch card is valid for 1 to 3660 days", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var offered = await browser.SubmitAsync($"/t/{slug}/app/settings/packages", "offer", new()
        {
            ["Offer.Name"] = "Ten rides", ["Offer.Kind"] = "PunchCard", ["Offer.Sessions"] = "10", ["Offer.ValidDays"] = "180", ["Offer.Price"] = "90", ["Offer.Currency"] = "EUR",
        }))
        {
            Assert.Contains("Now offering Ten rides.", await offered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var list = await Send(host, HttpMethod.Get, "/api/v1/packages", token);
        var package = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        using (var sold = await browser.SubmitAsync($"/t/{slug}/app/settings/packages", "sell", new() { ["Sale.Package"] = package.Text("id"), ["Sale.Athlete"] = athleteId }))
        {
            Assert.Contains("Sold;", await sold.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var holdings = await Send(host, HttpMethod.Get, $"/api/v1/client-packages?clientAthleteId={athleteId}", token);
        var held = (await holdings.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        Assert.Equal(("Ten rides", 10), (held.Text("name"), held.GetProperty("remainingNow").GetInt32()));
        Assert.Equal(9000, package.GetProperty("priceMinor").GetInt64());
    }

    [Fact]
    public async Task ChoosingAPlan_OnTheSettingsPage_SendsTheOwnerToTheProvidersCheckout()
    {
        await using var fake = await Plans.FakePaymentProvider.StartAsync();
        await using var host = await WebHost.StartAsync(settings: fake.Settings());
        var (slug, email) = await PageSessionTests.SignupPagesAsync(host);
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);

        using var response = await browser.SubmitAsync($"/t/{slug}/app/settings", "billing", new() { ["Choice"] = "basic" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sessionId = Assert.Single(fake.Checkouts.Keys);
        Assert.Equal($"https://checkout.example.test/c/pay/{sessionId}", response.Headers.Location!.ToString());
    }
}
