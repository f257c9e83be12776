using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Forma.Core.Activities;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Activities.ActivityClient;

namespace Forma.Web.Tests.Activities;

/// <summary>Sessions and laps are stored at import and read from the database, not decoded from the original on every read.</summary>
public class StoredSegmentsTests
{
    // SOURCES.md: Edge 810 + Vector ride, laps=8, sessions=1, first record 2013-08-16 18:05:10 UTC.
    private const string EightLaps = "fit/Edge810-Vector-2013-08-16-15-35-10.fit";

    // SOURCES.md: Forerunner 920XT triathlon, laps=5, sessions=5: open-water swim, T1, bike, T2, run.
    private const string Triathlon = "fit/sample_mulitple_header.fit";

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Import_StoresTheDevicesLapsAndSessions_AndTheActivityIsServedWithoutItsOriginal(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = await SignupAsync(host);
        var token = owner.Text("accessToken");
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var athlete = await CreateAthleteAsync(host, token);
        using (var upload = await UploadAsync(host, token, athlete, EightLaps, Triathlon))
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        await RunDueJobsAsync(host);
        var activities = await ListAsync(host, token, athlete);
        var ride = Assert.Single(activities, a => a.GetProperty("startTime").GetDateTime().Year == 2013).Text("id");
        var triathlon = Assert.Single(activities, a => a.GetProperty("startTime").GetDateTime().Year == 2018).Text("id");

        await using (var scope = host.OpenDb(tenantId))
        {
            var rows = await scope.Db.RecordingSegments.AsNoTracking().ToListAsync();
            var rideRecording = await scope.Db.Recordings.AsNoTracking().SingleAsync(r => r.ActivityId == Guid.Parse(ride));
            Assert.True(rideRecording.SegmentsStored);
            Assert.Equal(8, rows.Count(s => s.RecordingId == rideRecording.Id && s.Kind == SegmentKind.Lap));
            Assert.Equal(1, rows.Count(s => s.RecordingId == rideRecording.Id && s.Kind == SegmentKind.Session));
        }

        // Without the original files the activities are still served whole: their laps come from the database.
        DeleteOriginal(host, tenantId, EightLaps);
        DeleteOriginal(host, tenantId, Triathlon);
        var rideDetail = await DetailAsync(host, token, ride);
        Assert.Equal(8, rideDetail.GetProperty("laps").GetArrayLength());
        Assert.Equal("cycling", Assert.Single(rideDetail.GetProperty("sessions").EnumerateArray()).Text("sport"));
        var triathlonDetail = await DetailAsync(host, token, triathlon);
        Assert.Equal(5, triathlonDetail.GetProperty("laps").GetArrayLength());
        Assert.Equal(["swimming", "transition", "cycling", "transition", "running"],
            triathlonDetail.GetProperty("sessions").EnumerateArray().Select(s => s.Text("sport")).ToArray());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task ARecordingImportedBeforeSegmentsWereStored_GetsThemOnFirstRead_AndKeepsThem(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var owner = await SignupAsync(host);
        var token = owner.Text("accessToken");
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var athlete = await CreateAthleteAsync(host, token);
        using (await UploadAsync(host, token, athlete, EightLaps))
        {
        }

        await RunDueJobsAsync(host);
        var ride = Assert.Single(await ListAsync(host, token, athlete)).Text("id");
        await using (var scope = host.OpenDb(tenantId))
        {
            // What the migration leaves for a recording imported before it: no rows, not marked as stored.
            await scope.Db.RecordingSegments.ExecuteDeleteAsync();
            await scope.Db.Recordings.ExecuteUpdateAsync(s => s.SetProperty(r => r.SegmentsStored, false));
        }

        Assert.Equal(8, (await DetailAsync(host, token, ride)).GetProperty("laps").GetArrayLength());
        await using (var scope = host.OpenDb(tenantId))
        {
            Assert.True((await scope.Db.Recordings.AsNoTracking().SingleAsync()).SegmentsStored);
            Assert.Equal(9, await scope.Db.RecordingSegments.CountAsync());
        }

        DeleteOriginal(host, tenantId, EightLaps);
        Assert.Equal(8, (await DetailAsync(host, token, ride)).GetProperty("laps").GetArrayLength());
    }

    private static async Task<JsonElement> DetailAsync(WebHost host, string token, string activityId)
    {
        using var response = await Send(host, HttpMethod.Get, $"/api/v1/activities/{activityId}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void DeleteOriginal(WebHost host, Guid tenantId, string fixture)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(SharedFixtures.Path(fixture))));
        var root = host.App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
        var path = Path.Combine(root, "tenants", tenantId.ToString("N"), "sha256", sha[..2], sha[2..4], sha);
        Assert.True(File.Exists(path));
        File.Delete(path);
    }

    private static async Task RunDueJobsAsync(WebHost host)
    {
        var runner = host.App.Services.GetRequiredService<JobRunner>();
        while (await runner.RunNextAsync(CancellationToken.None))
        {
        }
    }
}
