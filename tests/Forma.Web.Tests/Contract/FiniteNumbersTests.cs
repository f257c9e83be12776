using System.Net;
using System.Text.Json;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Activities.ActivityClient;

namespace Forma.Web.Tests.Contract;

/// <summary>JSON has no number for infinity: an open-ended value leaves as null, never as the string "Infinity".</summary>
public class FiniteNumbersTests
{
    private const string Ride = "fit/Edge810-Vector-2013-08-16-15-35-10.fit";

    [Fact]
    public async Task ActivityAnalysis_TopZoneHasANullHigh_AndNoNamedLiteralAnywhere()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.050" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        using var physiology = await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/physiology", token,
            new { effectiveFrom = "2013-01-01", functionalThresholdPower = 250, thresholdHeartRate = 165, maxHeartRate = 190, restingHeartRate = 50, sex = "Male" });
        Assert.Equal(HttpStatusCode.Created, physiology.StatusCode);
        using var upload = await UploadAsync(host, token, athleteId, Ride);
        var activityId = (await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString())).GetProperty("files")[0].Text("activityId");

        var text = await AnalysisAsync(host, token, activityId);

        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        var analysis = JsonDocument.Parse(text).RootElement;
        // Coggan's power zones from FTP 250: the last (neuromuscular, above 150 % = 375 W) has no upper bound.
        var power = analysis.GetProperty("zones").EnumerateArray().Single(z => z.Text("kind") == "power").GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, power[^1].GetProperty("high").ValueKind);
        Assert.Equal(375, power[^1].GetProperty("low").GetDouble(), 6);
        var timeInPower = analysis.GetProperty("metrics").GetProperty("timeInZones").EnumerateArray().Where(z => z.Text("kind") == "power").ToList();
        Assert.Equal(JsonValueKind.Null, timeInPower[^1].GetProperty("high").ValueKind);
        Assert.All(timeInPower.SkipLast(1), z => Assert.Equal(JsonValueKind.Number, z.GetProperty("high").ValueKind));
        // The thresholds used are the ones set, the sex by its name as everywhere else.
        Assert.Equal("Male", analysis.GetProperty("thresholds").Text("sex"));
    }

    private static async Task<string> AnalysisAsync(WebHost host, string token, string activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Send(host, HttpMethod.Get, $"/api/v1/activities/{activityId}/analysis", token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsStringAsync();
            }

            Assert.True(DateTime.UtcNow < deadline, $"No analysis in time (last status {(int)response.StatusCode}).");
            await Task.Delay(100);
        }
    }
}
