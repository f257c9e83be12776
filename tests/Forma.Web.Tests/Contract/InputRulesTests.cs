using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Contract;

/// <summary>
/// The malformed inputs of issue #18 (B.3, B.8, B.12), each answered with a 400 that names the field, and each
/// checked behind the API when it could have been stored.
/// </summary>
public class InputRulesTests
{
    [Theory]
    [InlineData("""{"firstName":"Ada","lastName":"Lovelace","sex":99}""", "sex")]
    [InlineData("""{"firstName":"Ada","lastName":"Lovelace","sex":1}""", "sex")]
    [InlineData("""{"firstName":"A\u0000da","lastName":"Lovelace"}""", "firstName")]
    [InlineData("""{"firstName":"Ada","lastName":"\u202Eecalevol"}""", "lastName")]
    [InlineData("""{"firstName":"Ad\u200Ba","lastName":"Lovelace"}""", "firstName")]
    [InlineData("""{"firstName":"Ada","lastName":"Lovelace","notes":"base\u0007phase"}""", "notes")]
    [InlineData("""{"firstName":"Ada","lastName":"Lovelace","birthDate":"0001-01-01"}""", "birthDate")]
    [InlineData("""{"firstName":"Ada","lastName":"Lovelace","birthDate":"9999-12-31"}""", "birthDate")]
    [InlineData("""{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","timeZone":"Europe/London\u0000"}""", "timeZone")]
    [InlineData("""{"firstName":"Ada","lastName":""", "lastName")]
    public async Task CreateAthlete_MalformedField_Is400NamingTheField_AndNothingIsStored(string body, string field)
    {
        await using var host = await WebHost.StartAsync();
        var token = (await SignupAsync(host)).Text("accessToken");

        using var response = await PostJsonAsync(host, token, "/api/v1/athletes", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        using var list = await Send(host, HttpMethod.Get, "/api/v1/athletes", token);
        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CreateAthlete_MultilineNotes_AreKept()
    {
        await using var host = await WebHost.StartAsync();
        var token = (await SignupAsync(host)).Text("accessToken");

        using var response = await PostJsonAsync(host, token, "/api/v1/athletes", """{"firstName":"Ada","lastName":"Lovelace","notes":"Base phase\nthen\tbuild"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Base phase\nthen\tbuild", (await response.Content.ReadFromJsonAsync<JsonElement>()).Text("notes"));
    }

    [Theory]
    [InlineData("bests?to=9999-12-31", "to")]
    [InlineData("bests?from=0001-01-01", "from")]
    [InlineData("fitness?to=9999-12-31", "to")]
    [InlineData("fitness?from=yesterday", "from")]
    [InlineData("curves?stream=altitude", "stream")]
    public async Task AnalyticsQuery_DateOutsideTheCalendarOrUnreadable_Is400NamingTheParameter(string query, string field)
    {
        await using var host = await WebHost.StartAsync();
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await Activities.ActivityClient.CreateAthleteAsync(host, token);

        using var response = await Send(host, HttpMethod.Get, $"/api/v1/athletes/{athleteId}/{query}", token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    /// <summary>The physiology entry's sex is the athlete's enum: its names are accepted (in any case, as every enum), nothing else.</summary>
    [Fact]
    public async Task SetPhysiology_SexIsTheEnum_NamesAcceptedAndNumbersOrOtherWordsRefused()
    {
        await using var host = await WebHost.StartAsync();
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await Activities.ActivityClient.CreateAthleteAsync(host, token);
        var path = $"/api/v1/athletes/{athleteId}/physiology";

        using var female = await PostJsonAsync(host, token, path, """{"effectiveFrom":"2026-01-01","maxHeartRate":190,"sex":"Female"}""");
        using var legacy = await PostJsonAsync(host, token, path, """{"effectiveFrom":"2026-02-01","maxHeartRate":189,"sex":"male"}""");
        using var number = await PostJsonAsync(host, token, path, """{"effectiveFrom":"2026-03-01","maxHeartRate":188,"sex":99}""");
        using var other = await PostJsonAsync(host, token, path, """{"effectiveFrom":"2026-03-01","maxHeartRate":188,"sex":"other"}""");
        using var quoted = await PostJsonAsync(host, token, path, """{"effectiveFrom":"2026-03-01","maxHeartRate":"NaN"}""");

        Assert.Equal(HttpStatusCode.Created, female.StatusCode);
        Assert.Equal("Female", (await female.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values").Text("sex"));
        Assert.Equal(HttpStatusCode.Created, legacy.StatusCode);
        Assert.Equal("Male", (await legacy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values").Text("sex"));
        foreach (var (refused, field) in new[] { (number, "sex"), (other, "sex"), (quoted, "maxHeartRate") })
        {
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        }

        using var history = await Send(host, HttpMethod.Get, path, token);
        var entries = (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["Male", "Female"], entries.Select(e => e.GetProperty("values").Text("sex")));
    }

    private static Task<HttpResponseMessage> PostJsonAsync(WebHost host, string token, string path, string json)
    {
        var request = WithToken(HttpMethod.Post, path, token);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return host.Client.SendAsync(request);
    }
}
