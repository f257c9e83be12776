using Forma.Data;
using Forma.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forma.Web.Tests.Browser;

/// <summary>A coach's first minutes, in a real browser: sign up a business, add an athlete, upload a FIT file, read the activity.</summary>
public sealed class SignupUploadTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Fixture = "fit/Edge810-Vector-2013-08-16-15-35-10.fit";

    [BrowserFact]
    public async Task SignUp_UploadFit_ShowsTheActivityWithRouteChartsAndLaps()
    {
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite, new() { ["Jobs:Enabled"] = "true", ["Jobs:PollInterval"] = "00:00:00.200" });
        await using var context = await chromium.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start free trial" }).ClickAsync();
        var slug = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Business name").FillAsync("Tempo Coaching");
        await page.GetByLabel("Address").FillAsync(slug);
        await page.GetByLabel("First name").FillAsync("Casey");
        await page.GetByLabel("Last name").FillAsync("Coach");
        await page.GetByLabel("Email").FillAsync($"{slug}@example.com");
        await page.GetByLabel("Password").FillAsync("Tempo-Run-Thursday-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my business" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/t/{slug}/app"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your business is ready");

        await page.GetByLabel("First name").FillAsync("Ada");
        await page.GetByLabel("Last name").FillAsync("Athlete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add athlete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Athlete", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Upload activities" }).ClickAsync();
        await page.Locator("[data-files]").SetInputFilesAsync(SharedFixtures.Path(Fixture));
        await Expect(page.Locator("[data-phase]")).ToContainTextAsync("Imported: 1 new", new() { Timeout = 60_000 });
        await Expect(page.Locator("progress[data-progress]")).ToHaveAttributeAsync("value", "100");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edge810-Vector-2013-08-16-15-35-10.fit" }).ClickAsync();

        // The fixture's documented facts (shared/fixtures/activities/SOURCES.md): 8 laps; HR, power, GPS, cadence and altitude.
        await Expect(page.Locator(".route polyline")).ToHaveCountAsync(1);
        foreach (var stream in new[] { "heartRate", "power", "cadence", "altitude" })
        {
            await Expect(page.Locator($"[data-module='activity-charts'] .chart[data-stream='{stream}'] canvas")).ToHaveCountAsync(1);
        }

        await Expect(page.Locator("section[aria-labelledby='laps-heading'] tbody tr")).ToHaveCountAsync(8, new() { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, "activity");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "activity page");

        // Moving the cursor over a chart moves the marker on the route.
        var chart = page.Locator("[data-module='activity-charts'] .chart[data-stream='power'] .u-over");
        await chart.HoverAsync(new() { Position = new() { X = 200, Y = 40 } });
        await Expect(page.Locator(".route circle.cursor")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "← Athlete" }).ClickAsync();
        await Expect(page.Locator("[data-module='fitness-chart'] canvas")).ToHaveCountAsync(1);
        await Chromium.ScreenshotAsync(page, "athlete");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "athlete page");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ada Athlete" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "dashboard");
    }
}
