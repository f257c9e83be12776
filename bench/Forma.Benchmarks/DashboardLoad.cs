using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.Activities;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Tenancy;
using Forma.Testing;
using Forma.Web;
using Forma.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Benchmarks;

/// <summary>
/// An open-loop load generator for the athlete dashboard (<c>GET /api/v1/athletes/{id}/dashboard</c>): the real
/// app on Kestrel on loopback over PostgreSQL, an athlete with five years of analysed training (about 300
/// activities a year with their loads and bests, the stored load series and PR feed computed by the app's own
/// refresh job), then requests started at a fixed rate whatever the responses do — so a slow response cannot
/// slow the offered load, and the percentiles include queueing. Run: <c>bash bench/run.sh dashboard-load [rate] [seconds]</c>.
/// </summary>
internal static class DashboardLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = database.Settings();
        settings["Jobs:Enabled"] = "true";
        settings["Jobs:PollInterval"] = "00:00:00.100";
        settings["RateLimits:Auth:PermitLimit"] = "1000";
        var app = BenchApp.Build(settings);
        await FormaApp.PrepareAsync(app);
        await app.StartAsync();
        var baseAddress = BenchApp.Address(app);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress };
        var signup = await PostAsync(client, "/api/v1/auth/signup", new
        {
            businessName = "Load Club", subdomain = "load-" + Guid.NewGuid().ToString("N")[..8], email = $"load-{Guid.NewGuid():N}@example.com",
            password = "Bench-Marks-Are-Fun-42", firstName = "Lou", lastName = "Load",
        });
        var token = signup.GetProperty("accessToken").GetString()!;
        var tenantId = Guid.Parse(signup.GetProperty("tenantId").GetString()!);
        var athleteId = Guid.Parse((await PostAsync(client, "/api/v1/athletes", new { firstName = "Fay", lastName = "Fiveyears" }, token)).GetProperty("id").GetString()!);

        var seeded = Stopwatch.StartNew();
        var activities = await SeedFiveYearsAsync(app.Services, tenantId, athleteId);
        await WaitForRefreshAsync(app.Services, tenantId, athleteId);
        Console.WriteLine($"Seeded {activities} activities over five years and refreshed the load series in {seeded.Elapsed.TotalSeconds:0.0} s.");

        // FORMA_BENCH_PATH (with {athlete}) measures another endpoint the same way, e.g. to compare with a plain read.
        var path = (Environment.GetEnvironmentVariable("FORMA_BENCH_PATH") ?? "/api/v1/athletes/{athlete}/dashboard").Replace("{athlete}", athleteId.ToString(), StringComparison.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            await GetAsync(client, path, token); // warm-up: JIT, connection pool, PostgreSQL plan cache
        }

        // Steady state is what a server lives in: tiered JIT and dynamic PGO keep recompiling hot methods for tens of
        // seconds after start, which on two cores is most of the CPU. So run at the target rate first and discard that.
        var warmUp = int.Parse(Environment.GetEnvironmentVariable("FORMA_BENCH_WARMUP") ?? "20", CultureInfo.InvariantCulture);
        if (warmUp > 0)
        {
            await OpenLoop.RunAsync(() => GetAsync(client, path, token), rate, warmUp);
        }

        var (latencies, failures, elapsed) = await OpenLoop.RunAsync(() => GetAsync(client, path, token), rate, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{latencies.Length} requests in {elapsed:0.0} s ({latencies.Length / elapsed:0} req/s offered at {rate}, after {warmUp} s warm-up), {failures} failed; latency ms p50 {OpenLoop.Percentile(latencies, 50):0.00}, p95 {OpenLoop.Percentile(latencies, 95):0.00}, p99 {OpenLoop.Percentile(latencies, 99):0.00}, max {latencies[^1]:0.00}"));
        await app.StopAsync();
        await app.DisposeAsync();
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Five years of analysed training: ~300 activities a year (a rest day a week, a double day now and then), each with its load and bests.</summary>
    private static async Task<int> SeedFiveYearsAsync(IServiceProvider services, Guid tenantId, Guid athleteId)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        var random = new Random(42);
        var now = DateTime.UtcNow;
        var first = DateOnly.FromDateTime(now).AddYears(-5);
        var count = 0;
        for (var day = first; day <= DateOnly.FromDateTime(now); day = day.AddDays(1))
        {
            if (random.NextDouble() < 0.18)
            {
                continue;
            }

            var start = day.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
            var ride = random.NextDouble() < 0.5;
            var duration = 1800 + random.Next(0, 12600);
            var facts = new RecordingFacts(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "seed.fit", "fit", ride ? "cycling" : "running", null,
                start, duration, duration * (ride ? 8.0 : 3.2), "garmin", "edge", null, duration, new string('0', 64));
            var activity = Forma.Core.Activities.Activity.FromRecordingFacts(tenantId, athleteId, facts, ride ? "Ride" : "Run", now);
            db.Activities.Add(activity);
            var load = duration / 3600.0 * (40 + random.Next(0, 60));
            db.ActivityAnalyses.Add(ActivityAnalysis.Create(tenantId, activity.Id, athleteId, day, activity.Sport,
                new AnalysisNumbers(load, "power-tss", duration, activity.Distance, ride ? 180 + random.Next(0, 80) : null, 130 + random.Next(0, 30)), "{}", now));
            foreach (var (key, value) in ride
                ? BestKeys.PowerSeconds.Select(s => (BestKeys.Power(s), 250.0 + (900.0 / Math.Sqrt(s)) + random.Next(0, 60)))
                : [(BestKeys.Running(5000), 1200.0 + random.Next(0, 300)), (BestKeys.Running(10000), 2500.0 + random.Next(0, 600))])
            {
                db.ActivityBests.Add(ActivityBest.Create(tenantId, activity.Id, athleteId, key, value, start));
            }

            count++;
        }

        var state = AnalyticsState.Create(tenantId, athleteId);
        state.MarkStale(first);
        db.AnalyticsStates.Add(state);
        db.Enqueue(new RefreshAthleteAnalytics(athleteId), now);
        await db.SaveChangesAsync();
        return count;
    }

    private static async Task WaitForRefreshAsync(IServiceProvider services, Guid tenantId, Guid athleteId)
    {
        for (var i = 0; i < 1200; i++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
            if (await db.DailyLoads.AnyAsync(d => d.AthleteId == athleteId) && await db.PersonalRecords.AnyAsync(p => p.AthleteId == athleteId))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The load series was not refreshed within two minutes.");
    }

    private static async Task<bool> GetAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
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
