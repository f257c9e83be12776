using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Athletes;

public class AthleteTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Create_AsOwner_ThenGet_RoundTripsEveryField(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = (await SignupAsync(host)).Text("accessToken");

        using var created = await SendAsync(host, HttpMethod.Post, "/api/v1/athletes", owner, new
        {
            firstName = "Ada", lastName = "Lovelace", email = "Ada@Example.com", birthDate = "1990-12-10", sex = "Female", timeZone = "Europe/London", notes = "Base phase.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("id");

        using var fetched = await SendAsync(host, HttpMethod.Get, $"/api/v1/athletes/{id}", owner);
        var athlete = await fetched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Ada", "Lovelace", "ada@example.com", "1990-12-10", "Female", "Europe/London", "Base phase."),
            (athlete.Text("firstName"), athlete.Text("lastName"), athlete.Text("email"), athlete.Text("birthDate"), athlete.Text("sex"), athlete.Text("timeZone"), athlete.Text("notes")));
        Assert.False(athlete.GetProperty("hasLogin").GetBoolean());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Coach_SeesOnlyAssignedAthletes_AndOwnerSeesAll(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var signup = await SignupAsync(host);
        var owner = signup.Text("accessToken");
        var tenantId = Guid.Parse(signup.Text("tenantId"));
        var (coachMembership, coach) = await AddPersonAsync(host, tenantId, Role.Coach, "carla@example.com");

        var byCoach = await CreateAsync(host, coach, "Cora", "Coached");
        var byOwner = await CreateAsync(host, owner, "Una", "Unassigned");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, HttpMethod.Get, $"/api/v1/athletes/{byCoach}", coach)).StatusCode);
        await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Get, $"/api/v1/athletes/{byOwner}", coach), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(["Coached"], await LastNamesAsync(host, coach));
        Assert.Equal(["Coached", "Unassigned"], await LastNamesAsync(host, owner));

        using var assign = await SendAsync(host, HttpMethod.Put, $"/api/v1/athletes/{byOwner}", owner, new { firstName = "Una", lastName = "Unassigned", coachId = coachMembership });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal(["Coached", "Unassigned"], await LastNamesAsync(host, coach));
    }

    [Fact]
    public async Task Athlete_SeesOnlyTheirOwnRecord_AndCannotCreate()
    {
        await using var host = await WebHost.StartAsync();
        var signup = await SignupAsync(host);
        var owner = signup.Text("accessToken");
        var tenantId = Guid.Parse(signup.Text("tenantId"));
        var (_, athleteToken) = await AddPersonAsync(host, tenantId, Role.Athlete, "ben@example.com", linkAthleteRecord: true);
        var someoneElse = await CreateAsync(host, owner, "Other", "Person");

        Assert.Equal(["Runner"], await LastNamesAsync(host, athleteToken));
        await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Get, $"/api/v1/athletes/{someoneElse}", athleteToken), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Post, "/api/v1/athletes", athleteToken, new { firstName = "New", lastName = "One" }), HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task AnotherBusinessesAthlete_AnswersNotFound_ForReadWriteAndDelete(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var ownerA = (await SignupAsync(host)).Text("accessToken");
        var ownerB = (await SignupAsync(host)).Text("accessToken");
        var athleteOfA = await CreateAsync(host, ownerA, "Private", "Person");

        await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Get, $"/api/v1/athletes/{athleteOfA}", ownerB), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Put, $"/api/v1/athletes/{athleteOfA}", ownerB, new { firstName = "Hacked", lastName = "Name" }), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Delete, $"/api/v1/athletes/{athleteOfA}", ownerB), HttpStatusCode.NotFound, "not-found");
        Assert.Empty(await LastNamesAsync(host, ownerB));
        Assert.Equal(["Person"], await LastNamesAsync(host, ownerA));
    }

    [Fact]
    public async Task Create_WithBadFields_NamesThemAndWritesNothing()
    {
        await using var host = await WebHost.StartAsync();
        var owner = (await SignupAsync(host)).Text("accessToken");

        foreach (var (body, field) in new (object, string)[]
        {
            (new { firstName = "A", lastName = "B", email = "nope" }, "email"),
            (new { firstName = "A", lastName = "B", birthDate = "2999-01-01" }, "birthDate"),
            (new { firstName = "A", lastName = "B", timeZone = "Mars/Base" }, "timeZone"),
            (new { firstName = "", lastName = "B" }, "firstName"),
        })
        {
            var problem = await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Post, "/api/v1/athletes", owner, body), HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        Assert.Empty(await LastNamesAsync(host, owner));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task List_PagesByNameWithACursor_AndSearches(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = (await SignupAsync(host)).Text("accessToken");
        string[] lastNames = ["Zeta", "Alpha", "Mu", "Beta", "Kappa", "Alpha", "Omega"];
        foreach (var (last, i) in lastNames.Select((l, i) => (l, i)))
        {
            await CreateAsync(host, owner, $"First{i}", last);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await SendAsync(host, HttpMethod.Get, $"/api/v1/athletes?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}", owner);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => $"{a.Text("lastName")} {a.Text("firstName")}"));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(lastNames.Select((l, i) => $"{l} First{i}").Order(StringComparer.Ordinal), seen);
        Assert.Equal(["Alpha", "Alpha"], await LastNamesAsync(host, owner, "?search=ALPH"));
        await ProblemAssert.IsProblemAsync(await SendAsync(host, HttpMethod.Get, "/api/v1/athletes?cursor=garbage!", owner), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Delete_RemovesTheAthlete()
    {
        await using var host = await WebHost.StartAsync();
        var owner = (await SignupAsync(host)).Text("accessToken");
        var id = await CreateAsync(host, owner, "Gone", "Soon");

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(host, HttpMethod.Delete, $"/api/v1/athletes/{id}", owner)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Get, $"/api/v1/athletes/{id}", owner)).StatusCode);
    }

    [Fact]
    public async Task Athletes_WithoutSigningIn_Answer401()
    {
        await using var host = await WebHost.StartAsync();

        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/v1/athletes"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static async Task<HttpResponseMessage> SendAsync(WebHost host, HttpMethod method, string path, string token, object? body = null)
    {
        var request = WithToken(method, path, token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Client.SendAsync(request);
    }

    private static async Task<string> CreateAsync(WebHost host, string token, string first, string last)
    {
        using var response = await SendAsync(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = first, lastName = last });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
    }

    private static async Task<List<string>> LastNamesAsync(WebHost host, string token, string query = "")
    {
        using var response = await SendAsync(host, HttpMethod.Get, "/api/v1/athletes" + query, token);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(a => a.Text("lastName")).ToList();
    }
}
