using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Lifecycle;

public class AccountLifecycleTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Export_HoldsTheAccountAndWhatIsTheirsInEachBusiness_AndNothingOfAnyoneElse(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var own = await SignupAsync(host, email: "eve@example.com");
        var club = await SignupAsync(host);
        using var stranger = await Send(host, HttpMethod.Post, "/api/v1/athletes", club.Text("accessToken"), new { firstName = "Sam", lastName = "Stranger" });
        await AddPersonAsync(host, Guid.Parse(club.Text("tenantId")), Role.Athlete, "eve@example.com", linkAthleteRecord: true, existingUser: true);

        using var response = await Send(host, HttpMethod.Get, "/api/v1/me/export", own.Text("accessToken"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        var export = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("eve@example.com", export.GetProperty("account").Text("email"));
        var businesses = export.GetProperty("businesses").EnumerateArray().ToDictionary(b => b.Text("tenantId"));
        Assert.Equal(2, businesses.Count);
        Assert.Equal("Owner", businesses[own.Text("tenantId")].Text("role"));
        var athleteSide = businesses[club.Text("tenantId")];
        Assert.Equal("Athlete", athleteSide.Text("role"));
        Assert.Equal("Runner", Assert.Single(athleteSide.GetProperty("athleteRecords").EnumerateArray()).Text("lastName"));
        Assert.DoesNotContain("Stranger", export.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(businesses[own.Text("tenantId")].GetProperty("activity").EnumerateArray(), e => e.Text("action") == "tenant.signed-up");
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task DeleteAccount_LeavesEveryBusiness_KeepsTheirClientRecord_AndRefusesASoleOwner(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = await SignupAsync(host);
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var (_, athleteToken) = await AddPersonAsync(host, tenantId, Role.Athlete, "leaving@example.com", linkAthleteRecord: true);

        var soleOwner = await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Delete, "/api/v1/me", owner.Text("accessToken"), new { password = Password }), HttpStatusCode.Conflict, "sole-owner");
        Assert.Single(soleOwner.GetProperty("tenants").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Delete, "/api/v1/me", athleteToken, new { password = "not-the-password" }), HttpStatusCode.Unauthorized, "invalid-credentials");

        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Delete, "/api/v1/me", athleteToken, new { password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(host, HttpMethod.Get, "/api/v1/auth/me", athleteToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(await LoginAsync(host, "leaving@example.com", Password), HttpStatusCode.Unauthorized, "invalid-credentials");

        var athletes = await (await Send(host, HttpMethod.Get, "/api/v1/athletes", owner.Text("accessToken"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(Assert.Single(athletes.GetProperty("items").EnumerateArray()).GetProperty("hasLogin").GetBoolean());
        await using var scope = host.OpenDb(tenantId);
        var db = scope.Db;
        Assert.False(await db.Users.AnyAsync(u => u.Email == "leaving@example.com"));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "account.deleted"));
    }
}
