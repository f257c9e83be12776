using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Activities.ActivityClient;

namespace Forma.Web.Tests.Activities;

/// <summary>Issue #18 B.1, B.3, B.6, B.11: uploads built to hurt the server, refused or reported, over real HTTP.</summary>
public class ImportHardeningTests
{
    private const string Run = "fit/garmin-fenix-5-run.fit";
    private const string Boundary = "forma-test-boundary";

    [Fact]
    public async Task Upload_WithATruncatedMultipartBody_IsA400NamingTheFiles_NotA500()
    {
        await using var host = await WebHost.StartAsync();
        var (token, athleteId) = await AthleteAsync(host);
        var cutShort = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"run.fit\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n" + new string('x', 5000); // no closing boundary

        var body = await ProblemAssert.IsProblemAsync(await PostRawAsync(host, token, athleteId, cutShort), HttpStatusCode.BadRequest, "validation");

        Assert.Equal("multipart-truncated", body.Text("code"));
        Assert.Contains("closing boundary", body.GetProperty("errors").GetProperty("files")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithA100KilobyteFileName_IsA400NamingTheHeaderLimit_NotA500()
    {
        await using var host = await WebHost.StartAsync();
        var (token, athleteId) = await AthleteAsync(host);
        var longName = new string('n', 100 * 1024) + ".fit";
        var withLongName = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{longName}\"\r\n"
            + $"Content-Type: application/octet-stream\r\n\r\nbytes\r\n--{Boundary}--\r\n";

        var body = await ProblemAssert.IsProblemAsync(await PostRawAsync(host, token, athleteId, withLongName), HttpStatusCode.BadRequest, "validation");

        Assert.Equal("multipart-malformed", body.Text("code"));
        Assert.Contains("16,384 bytes", body.GetProperty("errors").GetProperty("files")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfAnArchiveWithMoreEntriesThanTheLimit_IsA413NamingTheLimitAndTheCountReached()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Imports:MaxArchiveEntries"] = "50" });
        var (token, athleteId) = await AthleteAsync(host);
        var archive = Zip(Enumerable.Range(0, 60).Select(i => ($"tiny/{i}.gpx", "<gpx/>"u8.ToArray())));

        using var response = await UploadBytesAsync(host, token, athleteId, ("tiny.zip", archive));

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "archive-too-many-entries");
        Assert.Contains("50 entries", body.Text("title"), StringComparison.Ordinal);
        Assert.Contains("stopped at 51", body.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("tiny.zip", body.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfAnArchiveWhoseNestedArchiveBreaksTheLimit_FailsTheArchiveNamingTheLimit()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Imports:MaxArchiveEntries"] = "50", ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var (token, athleteId) = await AthleteAsync(host);
        var inner = Zip(Enumerable.Range(0, 60).Select(i => ($"{i}.gpx", "<gpx/>"u8.ToArray())));
        var archive = Zip([("UploadedFiles_0.zip", inner)]);

        using var upload = await UploadBytesAsync(host, token, athleteId, ("garmin.zip", archive));
        var import = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());

        var file = Assert.Single(import.GetProperty("files").EnumerateArray());
        Assert.Equal("Failed", file.Text("status"));
        Assert.Contains("more than 50 entries", file.Text("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfZipsNestedFourDeep_ListsTheArchiveItDidNotOpen_AndWhy()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var (token, athleteId) = await AthleteAsync(host);
        var level3 = Zip([("run.fit", await File.ReadAllBytesAsync(SharedFixtures.Path(Run)))]);
        var level2 = Zip([("level3.zip", level3)]);
        var level1 = Zip([("level2.zip", level2)]);
        var top = Zip([("level1.zip", level1)]);

        using var upload = await UploadBytesAsync(host, token, athleteId, ("top.zip", top));
        var import = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());

        var files = import.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal([("top.zip", "Expanded"), ("level2.zip", "Failed")], files.Select(f => (f.Text("fileName"), f.Text("status"))));
        Assert.Contains("one level of nesting", files[1].Text("error"), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(host, token, athleteId));
    }

    [Fact]
    public async Task Upload_OfAnArchiveWithoutActivities_FailsItSayingSo()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var (token, athleteId) = await AthleteAsync(host);

        using var upload = await UploadBytesAsync(host, token, athleteId, ("notes.zip", Zip([("readme.txt", "no workouts here"u8.ToArray())])));
        var import = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());

        var file = Assert.Single(import.GetProperty("files").EnumerateArray());
        Assert.Equal("Failed", file.Text("status"));
        Assert.Contains("no FIT, GPX or TCX file", file.Text("error"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A FIT header and then 160 MiB that gzip packs about 110:1 (under the 200:1 ratio cap, as the probe's bomb was):
    /// refused at the 128 MiB budget for one decompressed file. At the old 512 MiB budget it was decoded in memory.
    /// </summary>
    [Fact]
    public async Task Upload_OfAGzipBomb_FailsThatFile_AtTheDecompressionBudget()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.100" });
        var (token, athleteId) = await AthleteAsync(host);

        using var upload = await UploadBytesAsync(host, token, athleteId, ("bomb.fit.gz", GzipBomb(160 << 20)), ("run.fit", await File.ReadAllBytesAsync(SharedFixtures.Path(Run))));
        var import = await WaitUntilDoneAsync(host, token, upload.Headers.Location!.ToString());

        var files = import.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["Failed", "Done"], files.Select(f => f.Text("status")));
        Assert.Contains("134,217,728 bytes", files[0].Text("error"), StringComparison.Ordinal); // 128 MiB
    }

    private static byte[] GzipBomb(int decompressedBytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            byte[] header = [14, 0x10, 0x08, 0x08, 0, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0];
            gzip.Write(header);
            var zeros = new byte[32 * 1024];
            var noise = new byte[256];
            var random = new Random(18);
            for (var written = header.Length; written < decompressedBytes; written += zeros.Length + noise.Length)
            {
                random.NextBytes(noise);
                gzip.Write(zeros);
                gzip.Write(noise);
            }
        }

        return output.ToArray();
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return output.ToArray();
    }

    private static async Task<(string Token, string AthleteId)> AthleteAsync(WebHost host)
    {
        var token = (await SignupAsync(host)).Text("accessToken");
        return (token, await CreateAthleteAsync(host, token));
    }

    private static Task<HttpResponseMessage> UploadBytesAsync(WebHost host, string token, string athleteId, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        var request = WithToken(HttpMethod.Post, $"/api/v1/athletes/{athleteId}/imports", token);
        request.Content = form;
        return host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostRawAsync(WebHost host, string token, string athleteId, string multipartBody)
    {
        var request = WithToken(HttpMethod.Post, $"/api/v1/athletes/{athleteId}/imports", token);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(multipartBody));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return host.Client.SendAsync(request);
    }
}
