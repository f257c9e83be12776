using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Forma.Data;
using Forma.Testing;
using Forma.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forma.Benchmarks;

/// <summary>
/// End-to-end bulk import on loopback: one HTTP upload of an export archive of <see cref="Activities"/>
/// distinct activities, through storage, archive expansion, a parse job per activity (decode, stream
/// encoding, recording and activity rows) until the import reports done. Activities per second is
/// <see cref="Activities"/> divided by the mean. Each iteration imports for a new athlete, so nothing is a duplicate.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class BulkImportBenchmarks
{
    private const int Activities = 1000;
    private TestDatabase _database = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _token = "";
    private string _athleteId = "";
    private byte[] _archive = [];

    [ParamsSource(nameof(ProviderValues))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> ProviderValues => BenchData.Providers.Where(p => p == DatabaseProvider.Postgres).DefaultIfEmpty(DatabaseProvider.Sqlite);

    [GlobalSetup]
    public void Setup()
    {
        _archive = ShiftedArchive.Build(Activities);
        _database = TestDatabase.CreateAsync(Provider).GetAwaiter().GetResult();
        var settings = _database.Settings();
        settings["Jobs:Enabled"] = "true";
        settings["Jobs:Concurrency"] = "2";
        settings["Jobs:PollInterval"] = "00:00:00.050";
        settings["Storage:Path"] = Directory.CreateTempSubdirectory("forma-bench-blobs-").FullName;
        settings["RateLimits:Auth:PermitLimit"] = "1000";
        _app = FormaApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        FormaApp.PrepareAsync(_app).GetAwaiter().GetResult();
        _app.StartAsync().GetAwaiter().GetResult();
        _client = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), Timeout = TimeSpan.FromMinutes(10) };
        var signup = Post("/api/v1/auth/signup", new
        {
            businessName = "Bench Club", subdomain = "bench-" + Guid.NewGuid().ToString("N")[..8], email = $"bench-{Guid.NewGuid():N}@example.com",
            password = "Bench-Marks-Are-Fun-42", firstName = "Bea", lastName = "Bench",
        });
        _token = signup.GetProperty("accessToken").GetString()!;
    }

    [IterationSetup]
    public void NewAthlete() =>
        _athleteId = Post("/api/v1/athletes", new { firstName = "Ira", lastName = "Iteration" }, _token).GetProperty("id").GetString()!;

    [Benchmark(OperationsPerInvoke = Activities)]
    public async Task UploadArchiveUntilImported()
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(_archive);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(part, "files", "export.zip");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/athletes/{_athleteId}/imports") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _client.SendAsync(request);
        var location = response.Headers.Location!.ToString();
        while (true)
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, location);
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            var import = await (await _client.SendAsync(poll)).Content.ReadFromJsonAsync<JsonElement>();
            if (import.GetProperty("status").GetString() == "Done")
            {
                var done = import.GetProperty("filesDone").GetInt32();
                if (done != Activities + 1)
                {
                    throw new InvalidOperationException($"Expected {Activities} activities and the archive, got {done} done and {import.GetProperty("filesFailed").GetInt32()} failed.");
                }

                return;
            }

            await Task.Delay(100);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private JsonElement Post(string path, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = _client.Send(request);
        response.EnsureSuccessStatusCode();
        return response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult();
    }
}
