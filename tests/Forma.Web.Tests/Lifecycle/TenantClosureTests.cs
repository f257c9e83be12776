using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Lifecycle;

public class TenantClosureTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task ClosedBusiness_IsUnreachableAtOnce_CanBeReopened_AndIsPurgedThirtyDaysAfterClosing(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var mail = Directory.CreateTempSubdirectory("forma-mail-").FullName;
        await using var host = await WebHost.StartAsync(provider, new() { ["Mail:PickupFolder"] = mail }, clock: clock);
        var owner = await SignupAsync(host, email: "closing@example.com");
        var other = await SignupAsync(host);
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var slug = await SlugAsync(host, tenantId);
        var (_, coachToken) = await AddPersonAsync(host, tenantId, Role.Coach, "coach@example.com");
        await Send(host, HttpMethod.Post, "/api/v1/athletes", owner.Text("accessToken"), new { firstName = "Ann", lastName = "Athlete" });
        await Send(host, HttpMethod.Post, "/api/v1/athletes", other.Text("accessToken"), new { firstName = "Otto", lastName = "Other" });

        await ProblemAssert.IsProblemAsync(await Close(host, coachToken, slug), HttpStatusCode.Forbidden, "forbidden");
        var unconfirmed = await ProblemAssert.IsProblemAsync(await Close(host, owner.Text("accessToken"), "not-the-slug"), HttpStatusCode.BadRequest, "validation");
        Assert.True(unconfirmed.GetProperty("errors").TryGetProperty("confirm", out _));

        using var closed = await Close(host, owner.Text("accessToken"), slug);
        Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);
        var purgeAfter = (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("purgeAfter").GetDateTime();
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddDays(30), purgeAfter, TimeSpan.FromSeconds(1));
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/athletes", owner.Text("accessToken")), HttpStatusCode.NotFound, "tenant-not-found");
        await ProblemAssert.IsProblemAsync(await LoginAsync(host, "closing@example.com", Password), HttpStatusCode.Unauthorized, "invalid-credentials");

        // An operator can undo it; the owner signs in again.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Post, $"/api/v1/ops/tenants/{tenantId}/reopen"))).StatusCode);
        var again = await (await LoginAsync(host, "closing@example.com", Password)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, (await Close(host, again.Text("accessToken"), slug)).StatusCode);

        // Before the 30 days nothing is purged; after them the business and all it owned are gone, other businesses untouched.
        clock.Advance(TimeSpan.FromDays(29));
        await RunDueJobsAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/tenants/{tenantId}"))).StatusCode);
        clock.Advance(TimeSpan.FromDays(1.1));
        await RunDueJobsAsync(host);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/tenants/{tenantId}"))).StatusCode);

        await using var scope = host.OpenDb(tenantId);
        var db = scope.Db;
        Assert.Equal((0, 0, 0, 0), (await db.Athletes.CountAsync(), await db.Memberships.CountAsync(), await db.AuditEvents.CountAsync(), await db.RefreshTokens.CountAsync()));
        await using var otherScope = host.OpenDb(Guid.Parse(other.Text("tenantId")));
        var otherDb = otherScope.Db;
        Assert.Equal("Other", (await otherDb.Athletes.SingleAsync()).LastName);
        Assert.True(await otherDb.Memberships.AnyAsync());
    }

    private static async Task RunDueJobsAsync(WebHost host)
    {
        var runner = host.App.Services.GetRequiredService<JobRunner>();
        while (await runner.RunNextAsync(CancellationToken.None))
        {
        }
    }

    private static async Task<string> SlugAsync(WebHost host, Guid tenantId)
    {
        using var response = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/tenants/{tenantId}"));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Text("subdomain");
    }

    private static Task<HttpResponseMessage> Close(WebHost host, string token, string confirm) =>
        Send(host, HttpMethod.Post, "/api/v1/tenant/close", token, new { confirm, password = Password });
}
