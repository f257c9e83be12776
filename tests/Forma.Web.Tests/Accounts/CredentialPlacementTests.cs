using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Web.Tests.Pages;

namespace Forma.Web.Tests.Accounts;

/// <summary>A page cookie is a credential only as the cookie, and an API token only as a bearer token.</summary>
public class CredentialPlacementTests
{
    [Fact]
    public async Task PageCookieValue_SentAsABearerToken_IsRefused()
    {
        await using var host = await WebHost.StartAsync();
        var (slug, email) = await PageSessionTests.SignupPagesAsync(host);
        using var browser = new PageClient(host);
        await browser.SignInAsync(slug, email, AuthClient.Password);
        var cookie = browser.Cookies.GetCookies(host.Client.BaseAddress!)["forma_session"]!.Value;

        using var response = await host.Client.SendAsync(AuthClient.WithToken(HttpMethod.Get, "/api/v1/auth/me", cookie));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiAccessToken_PlantedAsThePageCookie_IsRefused()
    {
        await using var host = await WebHost.StartAsync();
        var (_, email) = await PageSessionTests.SignupPagesAsync(host);
        using var login = await AuthClient.LoginAsync(host, email, AuthClient.Password);
        var accessToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", "forma_session=" + accessToken);
        request.Headers.Add("X-Forma-Page", "1");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
