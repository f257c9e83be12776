using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Activities.ActivityClient;

namespace Forma.Web.Tests.Activities;

/// <summary>
/// Deduplication of a library that already holds one workout twice: analyze → dry run (nothing changes) →
/// execute → undo, over HTTP with the real worker. SOURCES.md: no_hr.tcx is test.tcx's run with every
/// heart-rate value removed — one workout, two recordings; Mojstrovka.gpx is a hike on another day.
/// </summary>
public class DeduplicationTests
{
    private static readonly Dictionary<string, string?> WithJobs = new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" };

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task AnalyzeDryRunExecuteUndo_MergesTheWorkoutHeldTwice_AndUndoBringsItBack(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider, WithJobs);
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        var (withHeartRate, withoutHeartRate, hike) = await TwoCopiesOfOneRunAndAHikeAsync(host, token, athleteId);

        var analysis = await GetJsonAsync(host, token, $"/api/v1/athletes/{athleteId}/deduplication");
        Assert.Equal((3, 1, 1), (analysis.GetProperty("activitiesScanned").GetInt32(), analysis.GetProperty("groups").GetInt32(), analysis.GetProperty("activitiesToMerge").GetInt32()));

        using var dryRunResponse = await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/deduplication/dry-run", token, new { });
        Assert.Equal(HttpStatusCode.OK, dryRunResponse.StatusCode);
        var group = Assert.Single((await dryRunResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups").EnumerateArray());
        var keep = group.GetProperty("keep").Text("id");
        var merge = Assert.Single(group.GetProperty("merge").EnumerateArray()).Text("id");
        Assert.Equal((withoutHeartRate, withHeartRate), (keep, merge)); // the activity imported first stays
        // The fused result takes heart rate from test.tcx's recording, the only one that has it.
        var heartRateSource = group.GetProperty("streamSources").Text("heartRate");
        var testTcxRecording = group.GetProperty("recordings").EnumerateArray().Single(r => r.Text("fileName") == "test.tcx").Text("id");
        Assert.Equal(testTcxRecording, heartRateSource);
        Assert.Equal(3, (await ListAsync(host, token, athleteId)).Count); // the dry run changed nothing

        using var executed = await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/deduplication/execute", token,
            new { groups = new object[] { new { keepActivityId = keep, mergeActivityIds = new[] { merge } } } });
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        var execution = await executed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 0), (execution.GetProperty("merged").GetInt32(), execution.GetProperty("refused").GetInt32()));
        var mergeId = Assert.Single(Assert.Single(execution.GetProperty("groups").EnumerateArray()).GetProperty("mergeIds").EnumerateArray()).GetString();

        var afterMerge = await ListAsync(host, token, athleteId);
        Assert.Equal(new[] { hike, keep }.Order(), afterMerge.Select(a => a.Text("id")).Order());
        var streams = await GetJsonAsync(host, token, $"/api/v1/activities/{keep}/streams");
        Assert.Equal(383, streams.GetProperty("heartRate").EnumerateArray().Count(v => v.ValueKind == JsonValueKind.Number)); // SOURCES.md: 383 HR points
        var absorbed = await GetJsonAsync(host, token, $"/api/v1/activities/{merge}");
        Assert.Equal(keep, absorbed.Text("mergedIntoId"));
        Assert.Equal(0, (await GetJsonAsync(host, token, $"/api/v1/athletes/{athleteId}/deduplication")).GetProperty("groups").GetInt32());

        using var undo = await Send(host, HttpMethod.Post, $"/api/v1/activity-merges/{mergeId}/undo", token);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(new[] { hike, withHeartRate, withoutHeartRate }.Order(), (await ListAsync(host, token, athleteId)).Select(a => a.Text("id")).Order());
        var restored = await GetJsonAsync(host, token, $"/api/v1/activities/{merge}");
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("mergedIntoId").ValueKind);
        Assert.Single(restored.GetProperty("recordings").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, $"/api/v1/activity-merges/{mergeId}/undo", token), HttpStatusCode.Conflict, "merge-already-undone");
        var history = Assert.Single((await GetJsonAsync(host, token, $"/api/v1/athletes/{athleteId}/activity-merges")).EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, history.GetProperty("undoneAt").ValueKind);
    }

    [Fact]
    public async Task Execute_ABadGroupIsRefusedWithItsReason_AndTheGoodOneIsStillMerged()
    {
        await using var host = await WebHost.StartAsync(settings: WithJobs);
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        var (withHeartRate, withoutHeartRate, hike) = await TwoCopiesOfOneRunAndAHikeAsync(host, token, athleteId);

        using var executed = await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/deduplication/execute", token, new
        {
            groups = new object[]
            {
                new { keepActivityId = hike, mergeActivityIds = new[] { withHeartRate } }, // another day: never merged
                new { keepActivityId = withHeartRate, mergeActivityIds = new[] { withoutHeartRate } },
            },
        });
        var execution = await executed.Content.ReadFromJsonAsync<JsonElement>();
        var outcomes = execution.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(("merge-no-overlap", false), (outcomes[0].Text("errorCode"), outcomes[0].GetProperty("merged").GetBoolean()));
        Assert.True(outcomes[1].GetProperty("merged").GetBoolean());
        Assert.Equal(2, (await ListAsync(host, token, athleteId)).Count);

        // The same group again: the absorbed activity is gone from the library, so the group is refused.
        using var again = await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/deduplication/execute", token,
            new { groups = new object[] { new { keepActivityId = withHeartRate, mergeActivityIds = new[] { withoutHeartRate } } } });
        Assert.Equal("activity-not-found", Assert.Single((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups").EnumerateArray()).Text("errorCode"));

        using var empty = await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/deduplication/execute", token, new { groups = Array.Empty<object>() });
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task AGuardian_SeesTheDependentsActivities_ButCannotUploadDeleteOrMerge()
    {
        await using var host = await WebHost.StartAsync(settings: WithJobs);
        var owner = await SignupAsync(host);
        var token = owner.Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        var (withHeartRate, withoutHeartRate, _) = await TwoCopiesOfOneRunAndAHikeAsync(host, token, athleteId);
        var (guardianId, guardian) = await AddPersonAsync(host, Guid.Parse(owner.Text("tenantId")), Role.Guardian, "parent@example.com");
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/guardians", token, new { membershipId = guardianId })).StatusCode);

        Assert.Equal(3, (await ListAsync(host, guardian, athleteId)).Count);
        await ProblemAssert.IsProblemAsync(await UploadAsync(host, guardian, athleteId, "tcx/test.tcx"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Delete, $"/api/v1/activities/{withHeartRate}", guardian), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, $"/api/v1/athletes/{athleteId}/deduplication/execute", guardian,
            new { groups = new object[] { new { keepActivityId = withHeartRate, mergeActivityIds = new[] { withoutHeartRate } } } }), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(3, (await ListAsync(host, token, athleteId)).Count);
    }

    /// <summary>
    /// Both recordings of one workout in one upload, parsed at the same moment by two worker lanes: without the
    /// athlete's timeline lock each lane sees "no activity yet" and creates one. Five athletes at once give
    /// the race many chances; every athlete must end with one activity of two recordings.
    /// </summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task TwoRecordingsOfOneWorkoutParsedConcurrently_BecomeOneActivity(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider, new(WithJobs) { ["Jobs:Concurrency"] = "4", ["Jobs:PollInterval"] = "00:00:00.020" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athletes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            athletes.Add(await CreateAthleteAsync(host, token));
        }

        var uploads = await Task.WhenAll(athletes.Select(a => UploadAsync(host, token, a, "tcx/no_hr.tcx", "tcx/test.tcx")));
        foreach (var upload in uploads)
        {
            await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());
            upload.Dispose();
        }

        foreach (var athleteId in athletes)
        {
            var activity = Assert.Single(await ListAsync(host, token, athleteId));
            var detail = await GetJsonAsync(host, token, $"/api/v1/activities/{activity.Text("id")}");
            Assert.Equal(2, detail.GetProperty("recordings").GetArrayLength());
        }
    }

    /// <summary>
    /// A library holding one run twice, as left by imports before multi-device merge: both files imported (the
    /// second joins the first) and then split apart again, plus a hike on another day. Returns the activity ids.
    /// </summary>
    private static async Task<(string WithHeartRate, string WithoutHeartRate, string Hike)> TwoCopiesOfOneRunAndAHikeAsync(WebHost host, string token, string athleteId)
    {
        using var upload = await UploadAsync(host, token, athleteId, "tcx/no_hr.tcx", "gpx/Mojstrovka.gpx");
        var first = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());
        var files = first.GetProperty("files").EnumerateArray().ToList();
        var (withoutHeartRate, hike) = (files[0].Text("activityId"), files[1].Text("activityId"));
        using var second = await UploadAsync(host, token, athleteId, "tcx/test.tcx");
        await WaitUntilDoneAsync(host, token, second.Headers.Location!.ToString());

        var detail = await GetJsonAsync(host, token, $"/api/v1/activities/{withoutHeartRate}");
        var testTcx = detail.GetProperty("recordings").EnumerateArray().Single(r => r.Text("fileName") == "test.tcx").Text("id");
        using var split = await Send(host, HttpMethod.Post, $"/api/v1/activities/{withoutHeartRate}/recordings/{testTcx}/split", token);
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        return ((await split.Content.ReadFromJsonAsync<JsonElement>()).Text("id"), withoutHeartRate, hike);
    }

    private static async Task<JsonElement> GetJsonAsync(WebHost host, string token, string path)
    {
        using var response = await Send(host, HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
