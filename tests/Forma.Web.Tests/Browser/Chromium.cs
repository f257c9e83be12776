using Microsoft.Playwright;

namespace Forma.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (never a browser Playwright downloads). One browser per test
/// class; every test opens its own contexts, so cookies and storage never leak between tests.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string PathVariable = "FORMA_CHROMIUM";
    public const string RequireVariable = "FORMA_TEST_REQUIRE_BROWSER";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>The browser to drive: FORMA_CHROMIUM, else Debian's /usr/bin/chromium; null when neither exists.</summary>
    public static string? Executable
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>Screenshots go to FORMA_ARTIFACTS/screenshots (the test command sets it to artifacts/ in the checkout).</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("FORMA_ARTIFACTS") is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "forma-artifacts");
            return Directory.CreateDirectory(Path.Combine(root, "screenshots")).FullName;
        }
    }

    public async Task InitializeAsync()
    {
        if (Executable is not { } executable)
        {
            return; // the tests are skipped, or fail in NewContextAsync when the run requires a browser
        }

        // Assertions wait for the page; on two shared cores under a full test run, 5 s (the default) is too tight.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // As root there is no sandbox; the background-networking flags stop Chromium calling Google's services,
            // which this machine's closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A fresh browser session against the host, in Europe/Berlin, with a phone- or laptop-sized window.</summary>
    public async Task<IBrowserContext> NewContextAsync(WebHost host, bool phone = false)
    {
        var browser = Browser ?? throw new InvalidOperationException($"Chromium is not installed: install Debian's 'chromium' package or set {PathVariable}.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.Client.BaseAddress!.ToString(),
            TimezoneId = "Europe/Berlin",
            Locale = "en-GB",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        // Dates in the person's zone: the page would learn it from the browser on the first visit; set it up front.
        await context.AddCookiesAsync([new Cookie { Name = "forma_tz", Value = "Europe/Berlin", Url = host.Client.BaseAddress!.ToString() }]);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
