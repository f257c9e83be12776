using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Activities.ActivityClient;

namespace Forma.Web.Tests.Analytics;

/// <summary>
/// Analytics end to end over HTTP with the real worker: import → analysis → stored load series, curves, bests
/// and PR feed; a threshold change re-analyses; a delete takes the activity out of every aggregate. Values are
/// checked against closed forms of the definitions (docs/analytics/models.md), not against printed output.
/// </summary>
public class AnalyticsTests
{
    private const string Ride = "fit/Edge810-Vector-2013-08-16-15-35-10.fit";
    private static readonly double ChronicGain = 1 - Math.Exp(-1.0 / 42);
    private static readonly double AcuteGain = 1 - Math.Exp(-1.0 / 7);
    private static readonly int[] FourZones = [200, 300, 400];
    private static readonly int[] Descending = [300, 200];

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task ARideWithPower_FeedsLoadCurvesBestsAndRecords_AndFollowsThresholdChangesAndDeletes(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider, new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.050" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/physiology", token,
            new { effectiveFrom = "2013-01-01", functionalThresholdPower = 250, thresholdHeartRate = 165, maxHeartRate = 190, restingHeartRate = 50 })).StatusCode);

        using var upload = await UploadAsync(host, token, athleteId, Ride);
        var activityId = (await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString())).GetProperty("files")[0].Text("activityId");
        var analysis = await EventuallyAsync(host, token, $"/api/v1/activities/{activityId}/analysis", _ => true);
        var metrics = analysis.GetProperty("metrics");
        Assert.Equal("power-tss", metrics.Text("loadMethod"));
        var load = metrics.GetProperty("load").GetDouble();
        Assert.Equal(metrics.GetProperty("tss").GetDouble(), load, 6);
        Assert.Equal(250, analysis.GetProperty("thresholds").GetProperty("functionalThresholdPower").GetDouble());

        // One load L on day D, none before: CTL_D = L·(1 − e^(−1/42)), ATL_D = L·(1 − e^(−1/7)), TSB_D = 0 (yesterday's
        // CTL − ATL), and three days later CTL = CTL_D·e^(−3/42) (the stored series ends at D; the rest decays on read).
        var fitness = await EventuallyAsync(host, token, $"/api/v1/athletes/{athleteId}/fitness?from=2013-08-10&to=2013-08-25",
            f => f.GetProperty("days").EnumerateArray().Any(d => d.GetProperty("load").GetDouble() > 0));
        var days = fitness.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(16, days.Count);
        var index = days.FindIndex(d => d.GetProperty("load").GetDouble() > 0);
        var day = days[index];
        Assert.Equal(load, day.GetProperty("load").GetDouble(), 6);
        Assert.Equal(load * ChronicGain, day.GetProperty("ctl").GetDouble(), 6);
        Assert.Equal(load * AcuteGain, day.GetProperty("atl").GetDouble(), 6);
        Assert.Equal(0, day.GetProperty("tsb").GetDouble(), 6);
        Assert.Equal(load * ChronicGain * Math.Exp(-3.0 / 42), days[index + 3].GetProperty("ctl").GetDouble(), 6);
        Assert.All(days.Take(index), d => Assert.Equal(0, d.GetProperty("ctl").GetDouble()));

        // The 1-second point of the best curve is the highest 1 Hz power sample; the 5 s best is a standing best and a PR.
        var curve = await GetAsync(host, token, $"/api/v1/athletes/{athleteId}/curves?stream=power");
        var first = curve.GetProperty("points")[0];
        Assert.Equal((1, activityId), (first.GetProperty("seconds").GetInt32(), first.Text("activityId")));
        Assert.Equal(metrics.GetProperty("maxPower").GetDouble(), first.GetProperty("value").GetDouble(), 6);
        var bests = (await GetAsync(host, token, $"/api/v1/athletes/{athleteId}/bests")).EnumerateArray().ToList();
        Assert.Contains(bests, b => b.Text("key") == "power-5s" && b.Text("activityId") == activityId);
        var records = await EventuallyAsync(host, token, $"/api/v1/athletes/{athleteId}/records", r => r.GetArrayLength() > 0);
        Assert.All(records.EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("previousValue").ValueKind));

        // FTP 250 → 300 from before the ride: TSS = s·NP²/(FTP²·36), so the load scales by (250/300)².
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/physiology", token,
            new { effectiveFrom = "2013-06-01", functionalThresholdPower = 300 })).StatusCode);
        var expected = load * Math.Pow(250.0 / 300, 2);
        var refreshed = await EventuallyAsync(host, token, $"/api/v1/athletes/{athleteId}/fitness?from=2013-08-10&to=2013-08-25",
            f => Math.Abs(f.GetProperty("days")[index].GetProperty("load").GetDouble() - expected) < 1e-6);
        Assert.Equal(expected * ChronicGain, refreshed.GetProperty("days")[index].GetProperty("ctl").GetDouble(), 6);

        // The dashboard gathers it: 90 days of fitness to today, the ride with its (new) load, the standing bests.
        var dashboard = await GetAsync(host, token, $"/api/v1/athletes/{athleteId}/dashboard");
        Assert.Equal(90, dashboard.GetProperty("fitness").GetArrayLength());
        var recent = Assert.Single(dashboard.GetProperty("recentActivities").EnumerateArray());
        Assert.Equal(activityId, recent.GetProperty("activity").Text("id"));
        Assert.Equal(expected, recent.GetProperty("load").GetDouble(), 6);
        Assert.Contains(dashboard.GetProperty("bests").EnumerateArray(), b => b.Text("key") == "power-5s");

        // Time in zones over the month: the ride's power zones, at most its elapsed time in all.
        var zones = await GetAsync(host, token, $"/api/v1/athletes/{athleteId}/zones/distribution?from=2013-08-01&to=2013-08-31");
        Assert.Equal(1, zones.GetProperty("activities").GetInt32());
        var powerSeconds = zones.GetProperty("zones").EnumerateArray().Where(z => z.Text("kind") == "power").Sum(z => z.GetProperty("seconds").GetDouble());
        Assert.InRange(powerSeconds, 1, metrics.GetProperty("elapsedTime").GetDouble());

        // The athlete's own power zones (three boundaries, four zones) replace Coggan's seven after re-analysis.
        using (var custom = await Send(host, HttpMethod.Put, $"/api/v1/athletes/{athleteId}/zones/power", token, new { boundaries = FourZones }))
        {
            Assert.Equal(HttpStatusCode.OK, custom.StatusCode);
        }

        var customZones = await EventuallyAsync(host, token, $"/api/v1/athletes/{athleteId}/zones/distribution?from=2013-08-01&to=2013-08-31",
            z => z.GetProperty("zones").EnumerateArray().Count(x => x.Text("kind") == "power") == 4);
        Assert.Equal(powerSeconds, customZones.GetProperty("zones").EnumerateArray().Where(z => z.Text("kind") == "power").Sum(z => z.GetProperty("seconds").GetDouble()), 6);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, $"/api/v1/athletes/{athleteId}/zones/power", token, new { boundaries = Descending }), HttpStatusCode.BadRequest, "validation");

        // W′ balance needs CP and W′; with them it starts full and never exceeds W′.
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, $"/api/v1/activities/{activityId}/w-prime-balance", token), HttpStatusCode.UnprocessableEntity, "needs-cp-and-w-prime");
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/physiology", token,
            new { effectiveFrom = "2013-07-01", criticalPower = 290, wPrime = 20000 })).StatusCode);
        var wbal = await GetAsync(host, token, $"/api/v1/activities/{activityId}/w-prime-balance?points=500");
        var balance = wbal.GetProperty("streams").GetProperty("wPrimeBalance").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        Assert.Equal(500, wbal.GetProperty("streams").GetProperty("time").GetArrayLength());
        Assert.Equal(20000, balance[0], 6);
        Assert.All(balance, b => Assert.InRange(b, double.MinValue, 20000 + 1e-6));
        Assert.True(wbal.GetProperty("minimum").GetDouble() <= balance.Min() + 1e-6); // the thinned series may skip the deepest sample

        // Deleted: nothing of it counts any more.
        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Delete, $"/api/v1/activities/{activityId}", token)).StatusCode);
        await EventuallyAsync(host, token, $"/api/v1/athletes/{athleteId}/fitness?from=2013-08-10&to=2013-08-25",
            f => f.GetProperty("days").EnumerateArray().All(d => d.GetProperty("ctl").GetDouble() == 0));
        Assert.Empty((await GetAsync(host, token, $"/api/v1/athletes/{athleteId}/bests")).EnumerateArray());
        await EventuallyAsync(host, token, $"/api/v1/athletes/{athleteId}/records", r => r.GetArrayLength() == 0);
        Assert.Empty((await GetAsync(host, token, $"/api/v1/athletes/{athleteId}/curves?stream=power")).GetProperty("points").EnumerateArray());
    }

    [Fact]
    public async Task WithoutData_PredictionsSayWhatIsMissing_AndBadInputNamesTheField()
    {
        await using var host = await WebHost.StartAsync();
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);

        var predictions = await GetAsync(host, token, $"/api/v1/athletes/{athleteId}/predictions");
        Assert.All(predictions.GetProperty("running").EnumerateArray(), p =>
        {
            Assert.Equal(JsonValueKind.Null, p.GetProperty("prediction").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(p.Text("missing")));
        });
        Assert.False(string.IsNullOrWhiteSpace(predictions.GetProperty("power").Text("twoParameterMissing")));

        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, $"/api/v1/athletes/{athleteId}/curves?stream=altitude", token), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, $"/api/v1/athletes/{athleteId}/fitness?from=2020-01-02&to=2020-01-01", token), HttpStatusCode.BadRequest, "validation");
        var tooHigh = await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/physiology", token, new { functionalThresholdPower = 2500 });
        await ProblemAssert.IsProblemAsync(tooHigh, HttpStatusCode.BadRequest, "validation");
        var stranger = (await SignupAsync(host)).Text("accessToken");
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{athleteId}/fitness", stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/physiology", stranger, new { functionalThresholdPower = 250 })).StatusCode);
    }

    private static async Task<JsonElement> GetAsync(WebHost host, string token, string path)
    {
        using var response = await Send(host, HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until the background jobs have produced what <paramref name="done"/> looks for (60 s at most).</summary>
    private static async Task<JsonElement> EventuallyAsync(WebHost host, string token, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Send(host, HttpMethod.Get, path, token);
            if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadFromJsonAsync<JsonElement>() is var body && done(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach the expected state in time (last status {(int)response.StatusCode}).");
            await Task.Delay(100);
        }
    }
}
