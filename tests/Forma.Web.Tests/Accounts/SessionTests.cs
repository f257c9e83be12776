using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Accounts;

public class SessionTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Login_WithTheRightPassword_StartsASession_AndAWrongOneLooksLikeAnUnknownEmail(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var signup = await SignupAsync(host, email: "ada@example.com");

        using var ok = await LoginAsync(host, "ADA@example.com", Password);
        using var wrong = await LoginAsync(host, "ada@example.com", Password + "!");
        using var unknown = await LoginAsync(host, "nobody@example.com", Password);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(signup.Text("tenantId"), (await ok.Content.ReadFromJsonAsync<JsonElement>()).Text("tenantId"));
        var wrongBody = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "invalid-credentials");
        var unknownBody = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(wrongBody.Text("title"), unknownBody.Text("title"));
    }

    /// <summary>One person in two businesses names the one to sign in to; sign-in finds them despite row-level security.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Login_ForAPersonInTwoBusinesses_AsksWhichOne(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var first = await SignupAsync(host, subdomain: "first-studio", email: "coach@example.com");
        var second = await SignupAsync(host, subdomain: "second-studio");
        await AddMembershipAsync(host, Guid.Parse(second.Text("tenantId")), Guid.Parse(first.Text("userId")), Role.Coach);

        using var ambiguous = await LoginAsync(host, "coach@example.com", Password);
        using var chosen = await LoginAsync(host, "coach@example.com", Password, tenant: "second-studio");
        using var notMine = await LoginAsync(host, "coach@example.com", Password, tenant: "no-such-studio");

        var problem = await ProblemAssert.IsProblemAsync(ambiguous, HttpStatusCode.Conflict, "tenant-required");
        Assert.Equal(["first-studio", "second-studio"], problem.GetProperty("tenants").EnumerateArray().Select(t => t.GetString()));
        var session = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(second.Text("tenantId"), session.Text("tenantId"));
        Assert.Equal("Coach", session.Text("role"));
        Assert.Equal(HttpStatusCode.Unauthorized, notMine.StatusCode);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Refresh_RotatesTheToken_AndReusingAnOldOneRevokesTheWholeSession(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var signup = await SignupAsync(host);
        var first = signup.Text("refreshToken");

        using var rotated = await RefreshAsync(host, first);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).Text("refreshToken");
        Assert.NotEqual(first, second);

        using var replay = await RefreshAsync(host, first);
        await ProblemAssert.IsProblemAsync(replay, HttpStatusCode.Unauthorized, "invalid-refresh-token");
        using var afterTheft = await RefreshAsync(host, second);
        await ProblemAssert.IsProblemAsync(afterTheft, HttpStatusCode.Unauthorized, "invalid-refresh-token");

        await using var scope = host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Guid.Parse(signup.Text("tenantId")));
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "session.refresh-reuse"));
        Assert.All(await db.RefreshTokens.ToListAsync(), t => Assert.NotNull(t.RevokedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_WithAMalformedOrUnknownToken_Answers401(string token)
    {
        await using var host = await WebHost.StartAsync();

        using var response = await RefreshAsync(host, token);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await using var host = await WebHost.StartAsync();
        var session = await SignupAsync(host);

        using var logout = await host.Client.SendAsync(WithToken(HttpMethod.Post, "/api/v1/auth/logout", session.Text("accessToken")));
        using var refresh = await RefreshAsync(host, session.Text("refreshToken"));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task AccessToken_SignedWithAnotherKey_OrAltered_IsRefused()
    {
        await using var host = await WebHost.StartAsync();
        var session = await SignupAsync(host);
        var genuine = new JsonWebToken(session.Text("accessToken"));
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = genuine.Issuer,
            Audience = genuine.Audiences.Single(),
            Expires = genuine.ValidTo,
            Subject = new ClaimsIdentity(genuine.Claims.Where(c => c.Type is not ("exp" or "nbf" or "iat" or "iss" or "aud"))),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = genuine.Kid }, SecurityAlgorithms.HmacSha256),
        });
        var parts = session.Text("accessToken").Split('.');
        var altered = $"{parts[0]}.{parts[1].Replace(parts[1][^3..], "AAA", StringComparison.Ordinal)}.{parts[2]}";

        foreach (var token in new[] { forged, altered, "eyJhbGciOiJkaXIifQ.a.b.c.d", "not-a-jwt-at-all" })
        {
            using var response = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/me", token));
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Fact]
    public async Task AccessToken_AfterFifteenMinutes_IsRefused()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(clock: clock);
        var session = await SignupAsync(host);

        using var fresh = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/me", session.Text("accessToken")));
        clock.Advance(TimeSpan.FromMinutes(16));
        using var stale = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/me", session.Text("accessToken")));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task AccessToken_OfOneBusiness_AtAnotherBusinessAddress_IsRefused()
    {
        await using var host = await WebHost.StartAsync();
        var mine = await SignupAsync(host);
        await SignupAsync(host, subdomain: "someone-else");

        using var response = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/t/someone-else/api/v1/tenant", mine.Text("accessToken")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "tenant-mismatch");
    }

    /// <summary>At a business's own address the address names the business; someone else's address does not let you in.</summary>
    [Fact]
    public async Task Login_AtABusinessAddress_SignsIntoThatBusinessOnly()
    {
        await using var host = await WebHost.StartAsync();
        var mine = await SignupAsync(host, subdomain: "my-studio", email: "me@example.com");
        await SignupAsync(host, subdomain: "other-studio");

        using var atMine = await host.Client.PostAsJsonAsync("/t/my-studio/api/v1/auth/login", new { email = "me@example.com", password = Password });
        using var atOther = await host.Client.PostAsJsonAsync("/t/other-studio/api/v1/auth/login", new { email = "me@example.com", password = Password });

        Assert.Equal(mine.Text("tenantId"), (await atMine.Content.ReadFromJsonAsync<JsonElement>()).Text("tenantId"));
        await ProblemAssert.IsProblemAsync(atOther, HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    private static async Task AddMembershipAsync(WebHost host, Guid tenantId, Guid userId, Role role)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        db.Memberships.Add(Membership.Create(tenantId, userId, role, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }
}
