using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Accounts;

public class SignupTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Signup_CreatesTheBusinessWithATrialAndSignsTheOwnerIn(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);

        var session = await SignupAsync(host, subdomain: "peak-endurance");

        Assert.Equal(900, session.GetProperty("expiresIn").GetInt32());
        Assert.Equal("Owner", session.Text("role"));
        using var me = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/me", session.Text("accessToken")));
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(session.Text("tenantId"), body.Text("tenantId"));
        Assert.Equal(session.Text("userId"), body.Text("userId"));

        // The principal names the tenant: no slug needed.
        using var tenant = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/tenant", session.Text("accessToken")));
        Assert.Equal("peak-endurance", (await tenant.Content.ReadFromJsonAsync<JsonElement>()).Text("slug"));

        var stored = await (await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/tenants/{session.Text("tenantId")}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pro", stored.Text("plan"));
        Assert.Equal(TimeSpan.FromDays(14), stored.GetProperty("trialEndsAt").GetDateTime() - stored.GetProperty("createdAt").GetDateTime());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Signup_WithBadFields_NamesEachAndWritesNothing(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);

        using var response = await host.Client.PostAsJsonAsync("/api/v1/auth/signup", new
        {
            businessName = "Peak",
            subdomain = "www",
            email = "not-an-email",
            password = "password123",
            firstName = "Olga",
            lastName = "Owner",
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        foreach (var field in new[] { "subdomain", "email", "password" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
        }

        await using var owner = DatabaseMigrator.CreateOwnerContext(provider, host.Database.OwnerConnectionString);
        Assert.Equal(0, await owner.Tenants.CountAsync());
        Assert.Equal(0, await owner.Users.CountAsync());
    }

    [Fact]
    public async Task Signup_WithATakenSubdomainOrEmail_AnswersConflict()
    {
        await using var host = await WebHost.StartAsync();
        await SignupAsync(host, subdomain: "taken-name", email: "first@example.com");

        using var sameSubdomain = await host.Client.PostAsJsonAsync("/api/v1/auth/signup", SignupBody(subdomain: "taken-name"));
        using var sameEmail = await host.Client.PostAsJsonAsync("/api/v1/auth/signup", SignupBody(email: "FIRST@example.com"));

        await ProblemAssert.IsProblemAsync(sameSubdomain, HttpStatusCode.Conflict, "subdomain-taken");
        await ProblemAssert.IsProblemAsync(sameEmail, HttpStatusCode.Conflict, "email-taken");
    }
}
