using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Pages;

/// <summary>
/// The pages' cookie session: what it may reach (pages; the API only with the page header), what it may not (another
/// business, forged cross-site posts, redirects off-site), and that signing out ends it.
/// </summary>
public class PageSessionTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task PageCookie_OnTheApi_CountsOnlyWithThePageHeader(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var (slug, email) = await SignupPagesAsync(host);
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);

        using var bare = await browser.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);

        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        withHeader.Headers.Add("X-Forma-Page", "1");
        using var me = await browser.SendAsync(withHeader);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Owner", (await me.Content.ReadFromJsonAsync<JsonElement>()).Text("role"));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task PagesOfAnotherBusiness_WithThisBusinesssCookie_AreRefused(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var (slugA, emailA) = await SignupPagesAsync(host);
        var (slugB, _) = await SignupPagesAsync(host);
        var signupB = await LoginAsync(host, $"{slugB}@example.com", Password);
        var tokenB = (await signupB.Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken");
        using var created = await Send(host, HttpMethod.Post, "/api/v1/athletes", tokenB, new { firstName = "Secret", lastName = "Sprinter" });
        var athleteOfB = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        using var browser = new PageClient(host);
        await browser.SignInAsync(slugA, emailA, Password);

        using var otherDashboard = await browser.GetAsync($"/t/{slugB}/app");
        Assert.Equal(HttpStatusCode.Forbidden, otherDashboard.StatusCode);
        using var otherAthlete = await browser.GetAsync($"/t/{slugA}/app/athletes/{athleteOfB}");
        Assert.Equal(HttpStatusCode.NotFound, otherAthlete.StatusCode);
        Assert.DoesNotContain("Sprinter", await otherAthlete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_NeedsTheFormsToken_AndEndsTheSessionEverywhere()
    {
        await using var host = await WebHost.StartAsync();
        var (slug, email) = await SignupPagesAsync(host);
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, Password);

        // A cross-site form post carries the cookie but not the token: refused, and the session lives on.
        using var forged = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/t/{slug}/signout") { Content = new FormUrlEncodedContent([]) });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await browser.GetAsync($"/t/{slug}/app"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        var cookie = browser.Cookies.GetCookies(host.Client.BaseAddress!)["forma_session"]!.Value;
        using var signedOut = await browser.SubmitAsync($"/t/{slug}/app", "", [], postTo: $"/t/{slug}/signout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // The old cookie, replayed, no longer opens anything: its session was revoked, not only forgotten.
        using var stranger = new PageClient(host);
        using var replay = new HttpRequestMessage(HttpMethod.Get, $"/t/{slug}/app");
        replay.Headers.Add("Cookie", $"forma_session={cookie}");
        using var replayed = await stranger.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/signin", replayed.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_WithAReturnUrlOffSite_LandsOnTheDashboard(string returnUrl)
    {
        await using var host = await WebHost.StartAsync();
        var (slug, email) = await SignupPagesAsync(host);
        using var browser = new PageClient(host);

        using var response = await browser.SubmitAsync($"/t/{slug}/signin", "signin",
            new() { ["Form.Email"] = email, ["Form.Password"] = Password, ["Form.ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(host.Client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(host.Client.BaseAddress!.Authority, target.Authority);
        Assert.Equal($"/t/{slug}/app", target.PathAndQuery);
    }

    [Fact]
    public async Task AppPage_WithoutASession_SendsToSignInAndBack()
    {
        await using var host = await WebHost.StartAsync();
        var (slug, _) = await SignupPagesAsync(host);
        using var browser = new PageClient(host);

        using var response = await browser.GetAsync($"/t/{slug}/app/calendar?view=day");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/t/{slug}/signin?returnUrl={Uri.EscapeDataString($"/t/{slug}/app/calendar?view=day")}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Pages_GetAPolicyWithoutInlineScript()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/pricing");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffMfaRule_SetOnTheSettingsPage_SendsACoachWithoutAnAuthenticatorToSetOneUp()
    {
        await using var host = await WebHost.StartAsync();
        var (slug, email) = await SignupPagesAsync(host);
        using var owner = new PageClient(host);
        await owner.SignInAsync(slug, email, Password);
        // An owner who requires a second factor of staff has one: enrolled through the API, this browser stays signed in.
        using (var login = await LoginAsync(host, email, Password))
        {
            await Accounts.Authenticator.EnrolAsync(host, (await login.Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken"), TimeProvider.System);
        }

        using (var saved = await owner.SubmitAsync($"/t/{slug}/app/settings", "rules", new() { ["RequireStaffMfa"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("value=\"true\" checked", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var tenantId = await TenantIdAsync(host, slug);
        var coachEmail = $"coach-{Guid.NewGuid():N}@example.com";
        await AddPersonAsync(host, tenantId, Forma.Core.People.Role.Coach, coachEmail);
        using var coach = new PageClient(host);
        await coach.SignInAsync(slug, coachEmail, Password);

        using var dashboard = await coach.GetAsync($"/t/{slug}/app");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal($"/t/{slug}/app/settings/security", dashboard.Headers.Location!.ToString());
        using var security = await coach.GetAsync($"/t/{slug}/app/settings/security");
        Assert.Equal(HttpStatusCode.OK, security.StatusCode);
        Assert.Contains("requires staff to use an authenticator app", await security.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task DisplayPreferences_SavedOnOneDevice_FollowThePersonToTheNext(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var (slug, email) = await SignupPagesAsync(host);
        using var laptop = new PageClient(host);
        await laptop.SignInAsync(slug, email, Password);
        using (var saved = await laptop.SubmitAsync($"/t/{slug}/app/settings/preferences", "", new() { ["units"] = "imperial", ["timeZone"] = "America/New_York" }, postTo: $"/t/{slug}/preferences"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var phone = new PageClient(host);
        await phone.SignInAsync(slug, email, Password);

        var cookies = phone.Cookies.GetCookies(host.Client.BaseAddress!);
        Assert.Equal(("imperial", "America/New_York"), (cookies["forma_units"]?.Value, Uri.UnescapeDataString(cookies["forma_tz"]?.Value ?? "")));
        using var page = await phone.GetAsync($"/t/{slug}/app/settings/preferences");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("value=\"imperial\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"America/New_York\"", html, StringComparison.Ordinal);
    }

    internal static async Task<Guid> TenantIdAsync(WebHost host, string slug)
    {
        using var tenant = await host.Client.GetAsync($"/t/{slug}/api/v1/tenant");
        return Guid.Parse((await tenant.Content.ReadFromJsonAsync<JsonElement>()).Text("id"));
    }

    /// <summary>Signs a business up through the API; its subdomain doubles as the owner's email's local part.</summary>
    internal static async Task<(string Slug, string Email)> SignupPagesAsync(WebHost host)
    {
        var slug = "p-" + Guid.NewGuid().ToString("N")[..10];
        var email = $"{slug}@example.com";
        await SignupAsync(host, slug, email);
        return (slug, email);
    }
}
