using Forma.Data;
using Forma.Testing;
using Forma.Web.Features.Accounts;
using Forma.Web.Tests.Accounts;
using Microsoft.Playwright;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Microsoft.Playwright.Assertions;

namespace Forma.Web.Tests.Browser;

/// <summary>Turning on an authenticator app in the browser, and signing in with it afterwards.</summary>
public sealed class TwoFactorSignInTests(Chromium chromium) : IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task EnableTotp_ThenSignInAgain_AsksForTheCodeAndAcceptsIt()
    {
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite, clock: clock);
        var email = $"mfa-{Guid.NewGuid():N}@example.com";
        var slug = "mfa-" + Guid.NewGuid().ToString("N")[..8];
        await SignupAsync(host, slug, email);
        await using var context = await chromium.NewContextAsync(host);
        var page = await context.NewPageAsync();

        await SignInAsync(page, slug, email);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-in security" }).ClickAsync();
        await Expect(page.Locator("[data-mfa='off']")).ToBeVisibleAsync();
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "authenticator enrolment");
        var secret = Authenticator.Base32Decode((await page.Locator("[data-totp-secret]").InnerTextAsync()).Trim());

        // A wrong code is refused with a message, and the same QR code stays up for another try.
        await page.GetByLabel("Code from the app").FillAsync(WrongCode(secret, clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("does not match");
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.Locator("[data-mfa='enabled']")).ToBeVisibleAsync();
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(TwoFactor.RecoveryCodeCount);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        // Each code works once: the next sign-in uses the next 30-second step.
        clock.Advance(TimeSpan.FromSeconds(31));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByLabel("Authentication code")).ToBeVisibleAsync();
        await page.GetByLabel("Authentication code").FillAsync(WrongCode(secret, clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is wrong");
        await page.GetByLabel("Authentication code").FillAsync(Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/t/{slug}/app$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Athletes" })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string slug, string email)
    {
        await page.GotoAsync($"/t/{slug}/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/t/{slug}/app$"));
    }

    /// <summary>A six-digit code that is not valid for any step the server accepts now.</summary>
    private static string WrongCode(byte[] secret, TimeProvider clock)
    {
        var step = Totp.StepAt(clock.GetUtcNow());
        var valid = Enumerable.Range(-2, 5).Select(d => Totp.Code(secret, step + d)).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
