using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using Forma.Web;

namespace Forma.Benchmarks;

/// <summary>
/// Issue #18 B.1: how long one tenant's single-file import takes while another tenant's big import is queued.
/// Per run: a fresh database and app (Kestrel on loopback, the job worker with 2 lanes); tenant A uploads an
/// export archive of <c>backlog</c> activities and waits until it is expanded (one parse job per activity
/// queued); then tenant B uploads <c>samples</c> single files one after another, each timed from the 202 to
/// the import's done. Prints each run's B latencies (median, p95, max), then over the runs the median and
/// spread (min–max) of the per-run p95. <c>order</c> is <c>fair</c> (tenants take turns) or <c>fifo</c> (the
/// claim order before the fix, where B's first file waits for all of A's backlog).
/// Run: <c>bash bench/run.sh fair-import-load [postgres|sqlite] [fair|fifo] [runs] [backlog] [samples]</c>.
/// </summary>
internal static class FairImportLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 1 && args[1] == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        var fair = args.Length <= 2 || args[2] != "fifo";
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
        var backlog = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5000;
        var samples = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 20;
        var archive = ShiftedArchive.Build(backlog);
        // B's files differ from each other (a repeat would be a duplicate); A's are another athlete's, so they may repeat B's.
        var singles = Files(ShiftedArchive.Build(samples)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}, {(fair ? "tenants take turns" : "oldest job first")}, {runs} runs, backlog {backlog}, {samples} samples per run, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        var p95s = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var latencies = await RunOnceAsync(provider, fair, archive, backlog, singles);
            latencies.Sort();
            var p95 = Percentile(latencies, 0.95);
            p95s.Add(p95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: B's imports in ms: median {Percentile(latencies, 0.5):0}, p95 {p95:0}, max {latencies[^1]:0}, first {latencies.Count} sorted: {string.Join(' ', latencies.Select(l => l.ToString("0", CultureInfo.InvariantCulture)))}"));
        }

        p95s.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p95 of B's import over {runs} runs: median {Percentile(p95s, 0.5):0} ms, spread {p95s[0]:0}–{p95s[^1]:0} ms; load average after {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static async Task<List<double>> RunOnceAsync(DatabaseProvider provider, bool fair, byte[] archive, int backlog, List<(string Name, byte[] Bytes)> singles)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = database.Settings();
        settings["Jobs:Enabled"] = "true";
        settings["Jobs:Concurrency"] = "2";
        settings["Jobs:PollInterval"] = "00:00:00.050";
        settings["Jobs:TenantsTakeTurns"] = fair ? "true" : "false";
        settings["Storage:Path"] = Directory.CreateTempSubdirectory("forma-bench-blobs-").FullName;
        settings["RateLimits:Auth:PermitLimit"] = "1000";
        settings["Imports:MaxFileBytes"] = (1L << 30).ToString(CultureInfo.InvariantCulture); // 5,000 activities zip to more than the default 200 MB
        var app = BenchApp.Build(settings);
        await FormaApp.PrepareAsync(app);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = BenchApp.Address(app), Timeout = TimeSpan.FromMinutes(30) };
            var (tokenA, athleteA) = await TenantAsync(client, "a");
            var (tokenB, athleteB) = await TenantAsync(client, "b");

            var big = await UploadAsync(client, tokenA, athleteA, ("export.zip", archive));
            while (await GetAsync(client, tokenA, big) is var expanding && expanding.GetProperty("filesTotal").GetInt32() < backlog + 1)
            {
                if (expanding.GetProperty("status").GetString() == "Done")
                {
                    throw new InvalidOperationException($"A's archive was not expanded: {expanding}");
                }

                await Task.Delay(200);
            }

            var latencies = new List<double>();
            foreach (var single in singles)
            {
                var location = await UploadAsync(client, tokenB, athleteB, single);
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    var import = await GetAsync(client, tokenB, location);
                    if (import.GetProperty("status").GetString() == "Done")
                    {
                        if (import.GetProperty("filesDone").GetInt32() != 1)
                        {
                            throw new InvalidOperationException($"B's file was not imported: {import}");
                        }

                        break;
                    }

                    await Task.Delay(20);
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            return latencies;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Files(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive));
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            yield return (entry.Name, copy.ToArray());
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static async Task<(string Token, string AthleteId)> TenantAsync(HttpClient client, string name)
    {
        var signup = await PostAsync(client, "/api/v1/auth/signup", new
        {
            businessName = $"Tenant {name}", subdomain = $"fair-{name}-" + Guid.NewGuid().ToString("N")[..8], email = $"fair-{Guid.NewGuid():N}@example.com",
            password = "Bench-Marks-Are-Fun-42", firstName = "Fay", lastName = "Ayre",
        });
        var token = signup.GetProperty("accessToken").GetString()!;
        var athlete = await PostAsync(client, "/api/v1/athletes", new { firstName = "Ann", lastName = "Athlete" }, token);
        return (token, athlete.GetProperty("id").GetString()!);
    }

    private static async Task<string> UploadAsync(HttpClient client, string token, string athleteId, (string Name, byte[] Bytes) file)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(file.Bytes), "files", file.Name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/athletes/{athleteId}/imports") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.Location!.ToString();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
