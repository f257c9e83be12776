using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Forma.Web.Tests.Accounts;

/// <summary>Sign-up and sign-in calls as a client makes them.</summary>
internal static class AuthClient
{
    public const string Password = "Tempo-Run-Thursday-42";

    public static async Task<JsonElement> SignupAsync(WebHost host, string? subdomain = null, string? email = null)
    {
        using var response = await host.Client.PostAsJsonAsync("/api/v1/auth/signup", SignupBody(subdomain, email));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static object SignupBody(string? subdomain = null, string? email = null, string password = Password) => new
    {
        businessName = "Peak Endurance",
        subdomain = subdomain ?? "peak-" + Guid.NewGuid().ToString("N")[..8],
        email = email ?? $"owner-{Guid.NewGuid():N}@example.com",
        password,
        firstName = "Olga",
        lastName = "Owner",
        timeZone = "Europe/Oslo",
    };

    public static Task<HttpResponseMessage> LoginAsync(WebHost host, string email, string password, string? tenant = null) =>
        host.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, tenant });

    public static Task<HttpResponseMessage> RefreshAsync(WebHost host, string refreshToken) =>
        host.Client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    public static HttpRequestMessage WithToken(HttpMethod method, string path, string accessToken)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
