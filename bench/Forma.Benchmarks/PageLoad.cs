using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Testing;
using Forma.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Forma.Benchmarks;

/// <summary>
/// The pages with the demo data, on the embedded default (a SQLite file): the real app on Kestrel on loopback, seeded
/// as <c>--seed-demo</c> seeds it (ten weeks of rides and runs, a 6-hour ride, imported and analysed by the app's own
/// jobs), the owner signed in through the sign-in page. Each page is requested at a fixed rate (open loop: a slow
/// answer cannot slow the offered load), and the activity page of the 6-hour ride is loaded cold in Debian's Chromium
/// until its charts are drawn. Run: <c>bash bench/run.sh page-load [rate] [seconds]</c>.
/// </summary>
internal static partial class PageLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = database.Settings();
        settings["Jobs:Enabled"] = "true";
        settings["Jobs:PollInterval"] = "00:00:00.100";
        settings["Demo:Seed"] = "true";
        settings["Storage:Path"] = Directory.CreateTempSubdirectory("forma-bench-blobs-").FullName;
        settings["RateLimits:Auth:PermitLimit"] = "1000";
        var app = BenchApp.Build(settings);
        var output = Console.Out;
        var banner = new StringWriter();
        Console.SetOut(banner); // the demo banner prints the passwords; keep them for signing in
        await FormaApp.PrepareAsync(app);
        Console.SetOut(output);
        await app.StartAsync();
        var password = OwnerPassword().Match(banner.ToString()).Groups[1].Value;
        var baseAddress = BenchApp.Address(app);

        var seeded = Stopwatch.StartNew();
        var (athleteId, longRideId) = await WaitForDemoAsync(app.Services);
        Console.WriteLine($"Demo imported and analysed in {seeded.Elapsed.TotalSeconds:0.0} s.");

        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }) { BaseAddress = baseAddress };
        await SignInAsync(client, password);
        string[] pages =
        [
            "/", "/pricing", "/t/demo/book", "/t/demo/app", $"/t/demo/app/athletes/{athleteId}", $"/t/demo/app/activities/{longRideId}",
            "/t/demo/app/upload", "/t/demo/app/calendar", "/t/demo/app/duplicates", "/t/demo/app/settings", "/t/demo/app/settings/members", "/t/demo/app/settings/audit",
        ];
        Console.WriteLine($"| Page | Bytes | p50 ms | p95 ms | p99 ms | Failed |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|");
        var failed = 0;
        foreach (var page in pages)
        {
            for (var i = 0; i < 20; i++)
            {
                await GetAsync(client, page); // warm-up: JIT, connection pool
            }

            long bytes = 0;
            var (latencies, failures, _) = await OpenLoop.RunAsync(async () =>
            {
                var (ok, size) = await GetAsync(client, page);
                Interlocked.Exchange(ref bytes, size);
                return ok;
            }, rate, seconds);
            failed += failures;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{page.Replace(athleteId.ToString(), "{athlete}", StringComparison.Ordinal).Replace(longRideId.ToString(), "{6-hour ride}", StringComparison.Ordinal)}` | {bytes:N0} | {OpenLoop.Percentile(latencies, 50):0.0} | {OpenLoop.Percentile(latencies, 95):0.0} | {OpenLoop.Percentile(latencies, 99):0.0} | {failures} |"));
        }

        await BrowserFirstLoadAsync(baseAddress, cookies, longRideId);
        await app.StopAsync();
        await app.DisposeAsync();
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Cold loads (a new browser context each: no cache, no service worker) from navigation start to the last chart drawn.</summary>
    private static async Task BrowserFirstLoadAsync(Uri baseAddress, CookieContainer cookies, Guid activityId)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FORMA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var session = cookies.GetCookies(baseAddress)["forma_session"]!.Value;
        var times = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            // Playwright's own evaluation needs the page's policy lifted; the page loads exactly the same resources.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), BypassCSP = true });
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "forma_session", Value = session, Url = baseAddress.ToString() }]);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/t/demo/app/activities/{activityId}");
            await page.Locator("[data-module='activity-charts'] canvas").Nth(4).WaitForAsync();
            await page.Locator(".route polyline").WaitForAsync();
            await page.Locator("[data-module='curve-chart'] canvas").WaitForAsync();
            var elapsed = await page.EvaluateAsync<double>("() => performance.now()");
            if (run > 0)
            {
                times.Add(elapsed); // the first run pays for Chromium's own start-up
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Activity page of the 6-hour ride, cold, navigation start to every chart drawn: median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms over {times.Count} loads."));
    }

    private static async Task<(Guid Athlete, Guid LongRide)> WaitForDemoAsync(IServiceProvider services)
    {
        for (var i = 0; i < 3000; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "demo");
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Id);
            var pending = await db.ImportFiles.CountAsync(f => f.Status == Forma.Core.Activities.ImportFileStatus.Queued);
            var activities = await db.Activities.CountAsync();
            var analysed = await db.ActivityAnalyses.CountAsync();
            if (i % 50 == 0)
            {
                Console.WriteLine($"  waiting for the demo import: {pending} files queued, {activities} activities, {analysed} analysed");
            }

            if (pending == 0 && activities > 0 && analysed == activities && await db.DailyLoads.AnyAsync())
            {
                var ada = await db.Athletes.SingleAsync(a => a.FirstName == "Ada");
                var ride = await db.Activities.Where(a => a.AthleteId == ada.Id).OrderByDescending(a => a.Duration).Select(a => a.Id).FirstAsync();
                return (ada.Id, ride);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The demo data was not imported within ten minutes.");
    }

    private static async Task SignInAsync(HttpClient client, string password)
    {
        var html = await client.GetStringAsync("/t/demo/signin");
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);
        using var response = await client.PostAsync("/t/demo/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "signin", ["Form.Email"] = "owner@demo.forma.test", ["Form.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<(bool Ok, long Bytes)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode == HttpStatusCode.OK, body.Length);
    }

    [GeneratedRegex("owner@demo\\.forma\\.test\\s+password: (\\S+)")]
    private static partial Regex OwnerPassword();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
