using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Audit;

public class AuditTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Verify_AfterARowIsEdited_FailsAndNamesTheEntry(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var signup = await SignupAsync(host, email: "owner@example.com");
        using (await LoginAsync(host, "owner@example.com", Password))
        {
        }

        var owner = signup.Text("accessToken");
        var clean = await VerifyAsync(host, owner);
        Assert.True(clean.GetProperty("valid").GetBoolean());
        Assert.Equal(2, clean.GetProperty("entries").GetInt32()); // signed up, signed in

        var log = await (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/audit", owner))).Content.ReadFromJsonAsync<JsonElement>();
        var first = log.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("sequence").GetInt64() == 1);
        Assert.Equal("tenant.signed-up", first.Text("action"));

        // Someone with database access rewrites history.
        await using (var db = DatabaseMigrator.CreateOwnerContext(provider, host.Database.OwnerConnectionString))
        {
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET action = 'tenant.nothing-happened' WHERE sequence = 1"));
        }

        var tampered = await VerifyAsync(host, owner);
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        Assert.Equal(first.Text("id"), tampered.Text("brokenEntryId"));
        Assert.Equal(1, tampered.GetProperty("brokenSequence").GetInt64());
    }

    [Fact]
    public async Task AuditLog_IsForOwnersAndAdminsOnly()
    {
        await using var host = await WebHost.StartAsync();
        var signup = await SignupAsync(host);
        var (_, coach) = await AddPersonAsync(host, Guid.Parse(signup.Text("tenantId")), Role.Coach, "coach@example.com");

        using var response = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/audit/verify", coach));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<JsonElement> VerifyAsync(WebHost host, string token)
    {
        using var response = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/audit/verify", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
