using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Forma.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Plans;

public class PlanTests
{
    private static readonly string[] ReadAthletes = ["athletes:read"];

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Trial_WarnsThreeDaysAndOneDayBefore_AndEndsToTheSecond(DatabaseProvider provider)
    {
        await using var listener = new SmtpListener();
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:From"] = "forma@example.com", ["Mail:Smtp:Host"] = SmtpListener.Host,
            ["Mail:Smtp:Port"] = listener.Port.ToString(CultureInfo.InvariantCulture), ["Mail:Smtp:StartTls"] = "false",
        }, clock: clock);
        var email = $"trial-{Guid.NewGuid():N}@example.com";
        var signup = await SignupAsync(host, email: email);
        var signedUpAt = clock.GetUtcNow();
        var usage = await UsageAsync(host, signup.Text("accessToken"));
        Assert.Equal(("pro", true), (usage.GetProperty("plan").Text("code"), usage.GetProperty("onTrial").GetBoolean()));

        // Eleven days in: the three-day warning (and the sign-up's verification mail) go out over SMTP.
        clock.Advance(TimeSpan.FromDays(11));
        await RunDueJobsAsync(host);
        Assert.Single(listener.Messages, m => m.Subject == "Your Forma trial ends in 3 days" && m.Recipients.Contains(email));
        clock.Advance(TimeSpan.FromDays(2));
        await RunDueJobsAsync(host);
        Assert.Single(listener.Messages, m => m.Subject == "Your Forma trial ends tomorrow");

        // One second before the end booking (a Pro feature) still answers; at the end the business is on Free.
        clock.Advance(signedUpAt.AddDays(14) - clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        var token = await LoginTokenAsync(host, email);
        using (var before = await Send(host, HttpMethod.Get, "/api/v1/services", token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/services", token), HttpStatusCode.Forbidden, "plan-feature");
        Assert.Equal(("Booking", "free", "basic"), (refused.Text("feature"), refused.Text("plan"), refused.Text("upgradeTo")));
        usage = await UsageAsync(host, token);
        Assert.Equal(("free", false), (usage.GetProperty("plan").Text("code"), usage.GetProperty("onTrial").GetBoolean()));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task HundredParallelRequests_AtTheEdgeOfALimit_AdmitExactlyWhatRemains(DatabaseProvider provider)
    {
        // A counted limit (API calls per day, lowered to 30 for the test) and a gauge (Free's 3 active athletes).
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(provider, new Dictionary<string, string?> { ["Plans:pro:Limits:ApiCallsPerDay"] = "30" }, clock: clock);
        var email = $"edge-{Guid.NewGuid():N}@example.com";
        var owner = (await SignupAsync(host, email: email)).Text("accessToken");
        using var created = await Send(host, HttpMethod.Post, "/api/v1/api-keys", owner, new { name = "sync", scopes = ReadAthletes });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("key");

        var calls = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/athletes");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var response = await host.Client.SendAsync(request);
            return response.StatusCode;
        }));
        Assert.Equal((30, 70), (calls.Count(c => c == HttpStatusCode.OK), calls.Count(c => c == HttpStatusCode.PaymentRequired)));

        clock.Advance(TimeSpan.FromDays(15));
        var token = await LoginTokenAsync(host, email);
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = "Ann", lastName = "First" })).StatusCode);
        var adds = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var response = await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = "Racer", lastName = $"No{i}" });
            return response.StatusCode;
        }));
        Assert.Equal((2, 98), (adds.Count(c => c == HttpStatusCode.Created), adds.Count(c => c == HttpStatusCode.PaymentRequired)));
        var problem = await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = "One", lastName = "More" }), HttpStatusCode.PaymentRequired, "quota-exceeded");
        Assert.Equal(("ActiveAthletes", 3L, 3L, "basic"), (problem.Text("limit"), problem.GetProperty("allowed").GetInt64(), problem.GetProperty("used").GetInt64(), problem.Text("upgradeTo")));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task AfterTheTrial_OverLimitAthletesAreReadOnly_DryRunChangesNothing_ExecuteArchivesExactlyThoseShown(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(provider, clock: clock);
        var email = $"shrink-{Guid.NewGuid():N}@example.com";
        var owner = (await SignupAsync(host, email: email)).Text("accessToken");
        var ids = new List<string>();
        foreach (var name in new[] { "Ada", "Ben", "Cy", "Dee", "Eve" })
        {
            clock.Advance(TimeSpan.FromMinutes(1)); // distinct creation times: the oldest stay writable
            using var response = await Send(host, HttpMethod.Post, "/api/v1/athletes", owner, new { firstName = name, lastName = "Member" });
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).Text("id"));
        }

        clock.Advance(TimeSpan.FromDays(14));
        var token = await LoginTokenAsync(host, email);
        var update = new { firstName = "Eve", lastName = "Changed" };
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, $"/api/v1/athletes/{ids[4]}", token, update), HttpStatusCode.PaymentRequired, "quota-exceeded");
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Put, $"/api/v1/athletes/{ids[0]}", token, new { firstName = "Ada", lastName = "Changed" })).StatusCode);

        using var analysis = await Send(host, HttpMethod.Get, "/api/v1/athletes/over-limit", token);
        var counts = await analysis.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3L, 5L, 2L), (counts.GetProperty("allowed").GetInt64(), counts.GetProperty("active").GetInt64(), counts.GetProperty("over").GetInt64()));

        using var dryRun = await Send(host, HttpMethod.Post, "/api/v1/athletes/over-limit/dry-run", token);
        var shown = (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("athletes").EnumerateArray().Select(a => a.Text("id")).ToList();
        Assert.Equal(ids[3..], shown);
        using var still = await Send(host, HttpMethod.Get, "/api/v1/athletes/over-limit", token);
        Assert.Equal(5L, (await still.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetInt64());

        using var executed = await Send(host, HttpMethod.Post, "/api/v1/athletes/over-limit/archive", token);
        var archived = (await executed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("athletes").EnumerateArray().Select(a => a.Text("id")).ToList();
        Assert.Equal(shown, archived);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, $"/api/v1/athletes/{ids[4]}", token, update), HttpStatusCode.Conflict, "athlete-archived");
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Put, $"/api/v1/athletes/{ids[2]}", token, new { firstName = "Cy", lastName = "Changed" })).StatusCode);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, $"/api/v1/athletes/{ids[4]}/restore", token), HttpStatusCode.PaymentRequired, "quota-exceeded");
    }

    internal static async Task<JsonElement> UsageAsync(WebHost host, string token)
    {
        using var response = await Send(host, HttpMethod.Get, "/api/v1/usage", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<string> LoginTokenAsync(WebHost host, string email)
    {
        using var login = await LoginAsync(host, email, Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken");
    }

    private static async Task RunDueJobsAsync(WebHost host)
    {
        var runner = host.App.Services.GetRequiredService<JobRunner>();
        while (await runner.RunNextAsync(CancellationToken.None))
        {
        }
    }
}
