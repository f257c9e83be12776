using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Activities.ActivityClient;

namespace Forma.Web.Tests.Activities;

/// <summary>Uploading real device files over HTTP, parsed by the real job worker, read back through the API.</summary>
public class ImportTests
{
    private const string Run = "fit/garmin-fenix-5-run.fit";
    private const string Hike = "gpx/Mojstrovka.gpx";
    private const string Tcx = "tcx/test.tcx";
    private const string Broken = "fit/invalid/activity-unexpected-eof.fit";

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Upload_ImportsEachFile_ReportsTheBadOneAndTheDuplicate_AndServesTheResults(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider, new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var owner = await SignupAsync(host);
        var token = owner.Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);

        using var upload = await UploadAsync(host, token, athleteId, Run, Hike, Tcx, Broken, Run);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var import = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());

        Assert.Equal((5, 3, 1, 1), (import.GetProperty("filesTotal").GetInt32(), import.GetProperty("filesDone").GetInt32(), import.GetProperty("filesFailed").GetInt32(), import.GetProperty("filesDuplicate").GetInt32()));
        var files = import.GetProperty("files").EnumerateArray().ToList();
        var broken = Assert.Single(files, f => f.Text("status") == "Failed");
        Assert.Equal("activity-unexpected-eof.fit", broken.Text("fileName"));
        Assert.False(string.IsNullOrWhiteSpace(broken.Text("error")));
        Assert.Equal(Sha256Of(Run), files[0].Text("sha256"));

        var page = await (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{athleteId}/activities", token)).Content.ReadFromJsonAsync<JsonElement>();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var run = Assert.Single(items, a => a.GetProperty("startTime").GetDateTime().Year == 2017);
        Assert.Equal("running", run.Text("sport"));
        // SOURCES.md: the fenix 5 run's records span 2017-06-11 14:34:09 to 14:35:06 UTC.
        Assert.Equal(new DateTime(2017, 6, 11, 14, 34, 9, DateTimeKind.Utc), run.GetProperty("startTime").GetDateTime().ToUniversalTime());
        Assert.Equal(57, run.GetProperty("duration").GetDouble(), 0.5);
        Assert.Equal(items.Select(i => i.GetProperty("startTime").GetDateTime()).OrderByDescending(t => t), items.Select(i => i.GetProperty("startTime").GetDateTime()));

        var runId = run.Text("id");
        var detail = await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{runId}", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(detail.GetProperty("laps").EnumerateArray());
        Assert.Equal("fit", Assert.Single(detail.GetProperty("recordings").EnumerateArray()).Text("format"));

        var streams = await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{runId}/streams?points=10", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(streams.EnumerateObject(), s => Assert.Equal(10, s.Value.GetArrayLength()));
        Assert.Equal(0, streams.GetProperty("time")[0].GetDouble());
        Assert.True(streams.TryGetProperty("heartRate", out _));
        var full = await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{runId}/streams", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(21, full.GetProperty("time").GetArrayLength()); // SOURCES.md: 21 records

        using var original = await Send(host, HttpMethod.Get, $"/api/v1/activities/{runId}/original", token);
        Assert.Equal(Sha256Of(Run), Convert.ToHexStringLower(SHA256.HashData(await original.Content.ReadAsByteArrayAsync())));

        // The same bytes again, in a later upload: recognised, not imported twice.
        using var again = await UploadAsync(host, token, athleteId, Run);
        var second = await WaitUntilDoneAsync(host, token, again.Headers.Location!.ToString());
        Assert.Equal(runId, Assert.Single(second.GetProperty("files").EnumerateArray()).Text("activityId"));
        Assert.Equal(1, second.GetProperty("filesDuplicate").GetInt32());

        // Deleted activities leave the list and come back on restore.
        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Delete, $"/api/v1/activities/{runId}", token)).StatusCode);
        Assert.Equal(2, (await ListAsync(host, token, athleteId)).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, $"/api/v1/activities/{runId}/streams", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Post, $"/api/v1/activities/{runId}/restore", token)).StatusCode);
        Assert.Equal(3, (await ListAsync(host, token, athleteId)).Count);

        // Another business sees none of it.
        var stranger = (await SignupAsync(host)).Text("accessToken");
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, $"/api/v1/activities/{runId}", stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, upload.Headers.Location!.ToString(), stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(host, stranger, athleteId, Run)).StatusCode);
    }

    [Fact]
    public async Task Upload_OverTheFileSizeLimit_FailsThatFileOnly_AndNotMultipartIsA415()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Imports:MaxFileBytes"] = "10000" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);

        using var upload = await UploadAsync(host, token, athleteId, Run, "fit/garmin-edge-500-activity.fit");
        var import = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var files = import.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(("Queued", "Failed"), (files[0].Text("status"), files[1].Text("status")));
        Assert.Contains("10,000", files[1].Text("error"), StringComparison.Ordinal);

        var notMultipart = WithToken(HttpMethod.Post, $"/api/v1/athletes/{athleteId}/imports", token);
        notMultipart.Content = JsonContent.Create(new { file = "x" });
        await ProblemAssert.IsProblemAsync(await host.Client.SendAsync(notMultipart), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Progress_IsPushedAsServerSentEvents_UntilTheImportIsDone()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        using var upload = await UploadAsync(host, token, athleteId, Run, Broken);

        using var request = WithToken(HttpMethod.Get, upload.Headers.Location + "/events", token);
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement);
            }
        }

        var last = events[^1];
        Assert.Equal(("Done", 1, 1), (last.Text("status"), last.GetProperty("filesDone").GetInt32(), last.GetProperty("filesFailed").GetInt32()));
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.NotEqual(pair.First.GetRawText(), pair.Second.GetRawText()));
    }

    [Fact]
    public async Task StravaExport_IsExpandedIntoOneFilePerActivity_NamedFromItsCsv()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        var export = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(export, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var csv = new StreamWriter(zip.CreateEntry("activities.csv").Open()))
            {
                await csv.WriteAsync("Activity ID,Activity Date,Activity Name,Activity Type,Filename\n"
                    + "1001,\"Jun 11, 2017, 2:34:09 PM\",Morning Run,Run,activities/1001.fit.gz\n"
                    + "1002,\"Dec 26, 2012, 9:29:53 PM\",\"Tempo, with strides\",Run,activities/1002.tcx\n"
                    + "1003,\"Jan 1, 2024, 9:00:00 AM\",Gym,Weight Training,\n");
            }

            await using (var gz = new System.IO.Compression.GZipStream(zip.CreateEntry("activities/1001.fit.gz").Open(), System.IO.Compression.CompressionLevel.Fastest))
            {
                await gz.WriteAsync(await File.ReadAllBytesAsync(SharedFixtures.Path(Run)));
            }

            await using (var tcx = zip.CreateEntry("activities/1002.tcx").Open())
            {
                await tcx.WriteAsync(await File.ReadAllBytesAsync(SharedFixtures.Path(Tcx)));
            }
        }

        var form = new MultipartFormDataContent { { new ByteArrayContent(export.ToArray()), "files", "export_12345.zip" } };
        var request = WithToken(HttpMethod.Post, $"/api/v1/athletes/{athleteId}/imports", token);
        request.Content = form;
        using var upload = await host.Client.SendAsync(request);
        var import = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());

        // The archive, its two recordings, and the gym session Strava lists without a file.
        Assert.Equal((4, 3, 1), (import.GetProperty("filesTotal").GetInt32(), import.GetProperty("filesDone").GetInt32(), import.GetProperty("filesFailed").GetInt32()));
        Assert.Equal(["Expanded", "Done", "Done", "Failed"], import.GetProperty("files").EnumerateArray().Select(f => f.Text("status")));
        var names = (await ListAsync(host, token, athleteId)).Select(a => a.Text("name")).Order().ToList();
        Assert.Equal(["Morning Run", "Tempo, with strides"], names);
    }

    /// <summary>SOURCES.md: no_hr.tcx is test.tcx's run with every heart-rate value removed — one workout, two recordings.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task TwoRecordingsOfOneWorkout_BecomeOneActivity_WithEachStreamFromItsBestSource_AndCanBeSplit(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider, new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);

        using var first = await UploadAsync(host, token, athleteId, "tcx/no_hr.tcx");
        await WaitUntilDoneAsync(host, token, first.Headers.Location!.ToString());
        using var second = await UploadAsync(host, token, athleteId, Tcx);
        var import = await WaitUntilDoneAsync(host, token, second.Headers.Location!.ToString());

        var activity = Assert.Single(await ListAsync(host, token, athleteId));
        var id = activity.Text("id");
        Assert.Equal(id, Assert.Single(import.GetProperty("files").EnumerateArray()).Text("activityId"));
        var detail = await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{id}", token)).Content.ReadFromJsonAsync<JsonElement>();
        var recordings = detail.GetProperty("recordings").EnumerateArray().ToList();
        Assert.Equal(2, recordings.Count);
        var withHeartRate = recordings.Single(r => r.Text("fileName") == "test.tcx").Text("id");
        var primary = recordings.Single(r => r.GetProperty("primary").GetBoolean()).Text("id");
        Assert.Equal(withHeartRate, detail.GetProperty("streamSources").Text("heartRate"));
        Assert.Equal(primary, detail.GetProperty("streamSources").Text("time"));

        // SOURCES.md: 383 heart-rate points in test.tcx; the fused stream carries them on the primary's clock.
        var streams = await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{id}/streams", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(383, streams.GetProperty("heartRate").EnumerateArray().Count(v => v.ValueKind == JsonValueKind.Number));

        using var split = await Send(host, HttpMethod.Post, $"/api/v1/activities/{id}/recordings/{withHeartRate}/split", token);
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        Assert.Equal(2, (await ListAsync(host, token, athleteId)).Count);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, $"/api/v1/activities/{id}/recordings/{primary}/split", token), HttpStatusCode.Conflict, "nothing-to-split");
    }

    /// <summary>The Edge 810's golden dump lists an ANT+ heart_rate sensor and a bike_power meter (Garmin Vector pedals).</summary>
    [Fact]
    public async Task TheSensorsBehindHeartRateAndPower_AreRecordedFromTheFilesDeviceList()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        using var upload = await UploadAsync(host, token, athleteId, "fit/Edge810-Vector-2013-08-16-15-35-10.fit", Tcx);
        var import = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());

        var files = import.GetProperty("files").EnumerateArray().ToList();
        var edge = Assert.Single((await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{files[0].Text("activityId")}", token)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordings").EnumerateArray());
        Assert.Equal(("chest-strap", "power-meter"), (edge.Text("heartRateSensor"), edge.Text("powerSensor")));
        var tcx = Assert.Single((await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{files[1].Text("activityId")}", token)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordings").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, tcx.GetProperty("heartRateSensor").ValueKind); // TCX names no sensors
    }

    /// <summary>
    /// Export writes the fused activity: no_hr.tcx (the primary, imported first) with test.tcx's 383 heart-rate
    /// points (SOURCES.md) — read back by our own decoders from each format.
    /// </summary>
    [Fact]
    public async Task Export_WritesTheFusedActivity_AsFitGpxAndTcx()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var token = (await SignupAsync(host)).Text("accessToken");
        var athleteId = await CreateAthleteAsync(host, token);
        using (var first = await UploadAsync(host, token, athleteId, "tcx/no_hr.tcx"))
        {
            await WaitUntilDoneAsync(host, token, first.Headers.Location!.ToString());
        }

        using (var second = await UploadAsync(host, token, athleteId, Tcx))
        {
            await WaitUntilDoneAsync(host, token, second.Headers.Location!.ToString());
        }

        var id = Assert.Single(await ListAsync(host, token, athleteId)).Text("id");
        var streams = await (await Send(host, HttpMethod.Get, $"/api/v1/activities/{id}/streams", token)).Content.ReadFromJsonAsync<JsonElement>();
        var samples = streams.GetProperty("time").GetArrayLength();
        var positioned = streams.GetProperty("latitude").EnumerateArray().Count(v => v.ValueKind == JsonValueKind.Number); // GPX holds only points with a position
        foreach (var (format, mediaType) in new[] { ("fit", "application/vnd.ant.fit"), ("gpx", "application/gpx+xml"), ("tcx", "application/vnd.garmin.tcx+xml") })
        {
            using var exported = await Send(host, HttpMethod.Get, $"/api/v1/activities/{id}/export?format={format}", token);
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
            Assert.Equal(mediaType, exported.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith("." + format, exported.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
            var decoded = Forma.Formats.ActivityReader.Read(new MemoryStream(await exported.Content.ReadAsByteArrayAsync()));
            Assert.Equal(format == "gpx" ? positioned : samples, decoded.Streams.Count);
            Assert.Equal(383, decoded.Streams[Forma.Formats.StreamNames.HeartRate]!.Count(double.IsFinite));
        }

        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, $"/api/v1/activities/{id}/export?format=kml", token), HttpStatusCode.BadRequest, "validation");
        var stranger = (await SignupAsync(host)).Text("accessToken");
        Assert.Equal(HttpStatusCode.NotFound, (await Send(host, HttpMethod.Get, $"/api/v1/activities/{id}/export?format=fit", stranger)).StatusCode);
    }

    private static string Sha256Of(string fixture) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(SharedFixtures.Path(fixture))));
}
