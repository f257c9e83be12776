using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Members;

public class MemberTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task ChangeRole_AsOwner_EndsTheMembersOldSession_AndIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = await SignupAsync(host);
        var ownerToken = owner.Text("accessToken");
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var (coachId, coachToken) = await AddPersonAsync(host, tenantId, Role.Coach, "coach@example.com");

        using var promoted = await Send(host, HttpMethod.Put, $"/api/v1/members/{coachId}/role", ownerToken, new { role = "Admin" });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal("Admin", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).Text("role"));

        // The token that still says "Coach" no longer works; signing in again gives the new role.
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/athletes", coachToken), HttpStatusCode.Unauthorized, "session-ended");
        var again = await (await LoginAsync(host, "coach@example.com", Password)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Admin", again.Text("role"));

        await using var data = host.OpenDb(tenantId);
        var audit = await data.Db.AuditEvents.SingleAsync(e => e.Action == "member.role-changed");
        Assert.Contains("\"from\":\"Coach\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains("\"to\":\"Admin\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_AreEnforced_AndTheLastOwnerStays()
    {
        await using var host = await WebHost.StartAsync();
        var owner = await SignupAsync(host);
        var ownerToken = owner.Text("accessToken");
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var (adminId, adminToken) = await AddPersonAsync(host, tenantId, Role.Admin, "admin@example.com");
        var (_, athleteToken) = await AddPersonAsync(host, tenantId, Role.Athlete, "athlete@example.com");
        var ownerMembership = (await (await Send(host, HttpMethod.Get, "/api/v1/auth/me", ownerToken)).Content.ReadFromJsonAsync<JsonElement>()).Text("membershipId");

        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/members", athleteToken), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, $"/api/v1/members/{adminId}/role", adminToken, new { role = "Owner" }), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Delete, $"/api/v1/members/{ownerMembership}", adminToken), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, $"/api/v1/members/{ownerMembership}/role", ownerToken, new { role = "Admin" }), HttpStatusCode.Conflict, "last-owner");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Delete, $"/api/v1/members/{ownerMembership}", ownerToken), HttpStatusCode.Conflict, "last-owner");
        var missingRole = await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, $"/api/v1/members/{adminId}/role", ownerToken, new { }), HttpStatusCode.BadRequest, "validation");
        Assert.True(missingRole.GetProperty("errors").TryGetProperty("role", out _));

        using var list = await Send(host, HttpMethod.Get, "/api/v1/members", adminToken);
        var members = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, members.GetArrayLength());
    }

    [Fact]
    public async Task Coach_SeesTheStaff_AndOfTheClientsOnlyTheirOwn()
    {
        await using var host = await WebHost.StartAsync();
        var owner = await SignupAsync(host);
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var (coachId, coachToken) = await AddPersonAsync(host, tenantId, Role.Coach, "coach@example.com");
        var (_, mineToken) = await AddPersonAsync(host, tenantId, Role.Athlete, "mine@example.com", linkAthleteRecord: true);
        await AddPersonAsync(host, tenantId, Role.Athlete, "theirs@example.com", linkAthleteRecord: true);
        var mine = (await (await Send(host, HttpMethod.Get, "/api/v1/athletes", mineToken)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        var assign = new { firstName = mine.Text("firstName"), lastName = mine.Text("lastName"), coachId };
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Put, $"/api/v1/athletes/{mine.Text("id")}", owner.Text("accessToken"), assign)).StatusCode);

        var seen = await (await Send(host, HttpMethod.Get, "/api/v1/members", coachToken)).Content.ReadFromJsonAsync<JsonElement>();
        var emails = seen.EnumerateArray().Select(m => m.Text("email")).ToList();
        Assert.Contains("coach@example.com", emails);
        Assert.Contains("mine@example.com", emails);
        Assert.DoesNotContain("theirs@example.com", emails);
        Assert.Equal(4, (await (await Send(host, HttpMethod.Get, "/api/v1/members", owner.Text("accessToken"))).Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    [Fact]
    public async Task Remove_EndsTheMembersAccess_AndFreesTheirAthletes()
    {
        await using var host = await WebHost.StartAsync();
        var owner = await SignupAsync(host);
        var ownerToken = owner.Text("accessToken");
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var (coachId, coachToken) = await AddPersonAsync(host, tenantId, Role.Coach, "coach@example.com");
        using var created = await Send(host, HttpMethod.Post, "/api/v1/athletes", coachToken, new { firstName = "Ana", lastName = "Assigned" });
        var athleteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("id");

        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Delete, $"/api/v1/members/{coachId}", ownerToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/athletes", coachToken), HttpStatusCode.Unauthorized, "session-ended");
        await ProblemAssert.IsProblemAsync(await LoginAsync(host, "coach@example.com", Password), HttpStatusCode.Unauthorized, "invalid-credentials");
        var athlete = await (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{athleteId}", ownerToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, athlete.GetProperty("coachId").ValueKind);
    }

    [Fact]
    public async Task AnotherBusinessesMember_AnswersNotFound()
    {
        await using var host = await WebHost.StartAsync();
        var first = await SignupAsync(host);
        var second = await SignupAsync(host);
        var (strangerId, _) = await AddPersonAsync(host, Guid.Parse(second.Text("tenantId")), Role.Coach, "stranger@example.com");
        var token = first.Text("accessToken");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, $"/api/v1/members/{strangerId}/role", token, new { role = "Admin" }), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Delete, $"/api/v1/members/{strangerId}", token), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Guardian_SeesOnlyTheirDependents(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = await SignupAsync(host);
        var ownerToken = owner.Text("accessToken");
        var (guardianId, guardianToken) = await AddPersonAsync(host, Guid.Parse(owner.Text("tenantId")), Role.Guardian, "parent@example.com");
        var child = await CreateAthleteAsync(host, ownerToken, "Chloe");
        var other = await CreateAthleteAsync(host, ownerToken, "Oscar");

        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{child}", guardianToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, $"/api/v1/athletes/{child}/guardians", guardianToken, new { membershipId = guardianId }), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, $"/api/v1/athletes/{child}/guardians", ownerToken, new { membershipId = guardianId })).StatusCode);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, $"/api/v1/athletes/{child}/guardians", ownerToken, new { membershipId = guardianId }), HttpStatusCode.Conflict, "conflict");

        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{child}", guardianToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{other}", guardianToken)).StatusCode);
        var page = await (await Send(host, HttpMethod.Get, "/api/v1/athletes", guardianToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([child], page.GetProperty("items").EnumerateArray().Select(a => a.Text("id")));
        // A guardian sees their dependent but does not edit the business's record of them.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(host, HttpMethod.Put, $"/api/v1/athletes/{child}", guardianToken, new { firstName = "C", lastName = "D" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Delete, $"/api/v1/athletes/{child}/guardians/{guardianId}", ownerToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{child}", guardianToken)).StatusCode);
    }

    [Fact]
    public async Task Switch_StartsASessionInAnotherBusinessOfTheSamePerson_Only()
    {
        await using var host = await WebHost.StartAsync();
        var first = await SignupAsync(host, email: "two-hats@example.com");
        var second = await SignupAsync(host);
        var third = await SignupAsync(host);
        await AddPersonAsync(host, Guid.Parse(second.Text("tenantId")), Role.Coach, "two-hats@example.com", existingUser: true);
        var secondSlug = (await (await Send(host, HttpMethod.Get, "/api/v1/tenant", second.Text("accessToken"))).Content.ReadFromJsonAsync<JsonElement>()).Text("slug");
        var thirdSlug = (await (await Send(host, HttpMethod.Get, "/api/v1/tenant", third.Text("accessToken"))).Content.ReadFromJsonAsync<JsonElement>()).Text("slug");

        using var switched = await Send(host, HttpMethod.Post, "/api/v1/auth/switch", first.Text("accessToken"), new { tenant = secondSlug });
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var session = await switched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(second.Text("tenantId"), session.Text("tenantId"));
        Assert.Equal("Coach", session.Text("role"));
        var me = await (await Send(host, HttpMethod.Get, "/api/v1/auth/me", session.Text("accessToken"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(second.Text("tenantId"), me.Text("tenantId"));
        // The first session carries on.
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/v1/auth/me", first.Text("accessToken"))).StatusCode);

        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, "/api/v1/auth/switch", first.Text("accessToken"), new { tenant = thirdSlug }), HttpStatusCode.NotFound, "tenant-not-found");
    }

    private static async Task<string> CreateAthleteAsync(WebHost host, string token, string firstName)
    {
        using var response = await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName, lastName = "Child" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
    }
}
