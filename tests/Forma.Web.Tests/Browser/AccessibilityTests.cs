using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Web.Tests.Booking;
using Microsoft.Playwright;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Microsoft.Playwright.Assertions;

namespace Forma.Web.Tests.Browser;

/// <summary>The pages against axe-core's WCAG 2.1 AA rules, in the light and the dark theme (contrast differs), on a laptop and on a phone.</summary>
public sealed class AccessibilityTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly string[] PublicPages = ["/", "/pricing", "/signup", "/signin", "/forgot-password"];
    private static readonly string[] AppPages = ["app", "app/upload", "app/calendar", "app/duplicates", "app/settings", "app/settings/members", "app/settings/security", "app/settings/api-keys", "app/settings/audit", "app/settings/booking", "book"];

    [BrowserTheory]
    [InlineData("light", false)]
    [InlineData("dark", true)]
    public async Task Pages_HaveNoSeriousAccessibilityViolations(string theme, bool phone)
    {
        await using var studio = await BookingStudio.OpenAsync(DatabaseProvider.Sqlite);
        var slug = await studio.SlugAsync();
        await using var context = await chromium.NewContextAsync(studio.Host, phone);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });

        foreach (var path in PublicPages)
        {
            await page.GotoAsync(path);
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"{path} ({theme})");
        }

        using (var booked = await studio.BookAsync(BookingStudio.At(9)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, booked.StatusCode); // so the calendar and the roster have an appointment to show
        }

        var email = await OwnerEmailAsync(studio);
        await page.GotoAsync($"/t/{slug}/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/t/{slug}/app$"));
        foreach (var path in AppPages.Append($"app/athletes/{studio.AthleteId}").Append($"book?service={studio.ServiceId}&date=2026-11-23"))
        {
            await page.GotoAsync($"/t/{slug}/{path}");
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"{path} ({theme})");
        }

        await page.GotoAsync($"/t/{slug}/app/calendar?date=2026-11-23");
        await Chromium.ScreenshotAsync(page, $"calendar-{theme}{(phone ? "-phone" : "")}");
    }

    private static async Task<string> OwnerEmailAsync(BookingStudio studio)
    {
        using var members = await Send(studio.Host, HttpMethod.Get, "/api/v1/members", studio.Owner);
        return (await members.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(m => m.Text("role") == "Owner").Text("email");
    }
}
