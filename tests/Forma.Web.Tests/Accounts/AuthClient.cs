using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.Athletes;
using Forma.Core.People;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>A request with the session's access token and, when given, a JSON body.</summary>
    public static Task<HttpResponseMessage> Send(WebHost host, HttpMethod method, string path, string accessToken, object? body = null)
    {
        var request = WithToken(method, path, accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return host.Client.SendAsync(request);
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>
    /// Adds a person with a login and a role to a business (invitations are not built yet), optionally with
    /// an athlete record linked to them, signs them in and returns their membership id and access token.
    /// </summary>
    public static async Task<(Guid MembershipId, string AccessToken)> AddPersonAsync(WebHost host, Guid tenantId, Role role, string email, bool linkAthleteRecord = false, bool existingUser = false)
    {
        Guid membershipId;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
            var user = existingUser ? await db.Users.SingleAsync(u => u.Email == email) : User.Create(email, "Ben", "Runner", DateTime.UtcNow);
            if (!existingUser)
            {
                user.SetPasswordHash(scope.ServiceProvider.GetRequiredService<PasswordHashing>().Hash(user, Password));
                db.Users.Add(user);
            }

            var membership = Membership.Create(tenantId, user.Id, role, DateTime.UtcNow);
            db.Memberships.Add(membership);
            if (linkAthleteRecord)
            {
                var athlete = Athlete.Create(tenantId, "Ben", "Runner", DateTime.UtcNow);
                athlete.LinkUser(user.Id);
                db.Athletes.Add(athlete);
            }

            await db.SaveChangesAsync();
            membershipId = membership.Id;
        }

        // Someone in several businesses names the one to sign in to.
        string? slug = null;
        if (existingUser)
        {
            using var tenant = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/tenants/{tenantId}"));
            slug = (await tenant.Content.ReadFromJsonAsync<JsonElement>()).Text("subdomain");
        }

        using var login = await LoginAsync(host, email, Password, slug);
        return (membershipId, (await login.Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken"));
    }
}
