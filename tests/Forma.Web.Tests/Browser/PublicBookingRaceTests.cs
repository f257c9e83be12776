using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Forma.Web.Tests.Booking;
using Microsoft.Playwright;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Microsoft.Playwright.Assertions;

namespace Forma.Web.Tests.Browser;

/// <summary>
/// Two clients in two browsers press "Book" on the business's public page for the same, last free slot at the
/// same moment: exactly one is booked, the other is told the slot is gone — and the calendar holds one booking.
/// </summary>
public sealed class PublicBookingRaceTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly string[] Massage = ["massage"];

    [BrowserTheory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task LastSlot_BookedByTwoBrowsersAtOnce_OneWinsAndTheOtherIsToldClearly(DatabaseProvider provider)
    {
        await using var studio = await BookingStudio.OpenAsync(provider);
        var slug = await studio.SlugAsync();
        // Shorten Monday to one free slot: the coach works 09:00-10:00 (Berlin), which holds the 60-minute session
        // exactly once (its buffers may reach outside working hours).
        using (var hours = await Send(studio.Host, HttpMethod.Put, $"/api/v1/staff/{studio.StaffId}", studio.Owner, new
        {
            timeZone = "Europe/Berlin", skills = Massage, serviceIds = new[] { studio.ServiceId },
            weeklyHours = new[] { new { day = "Monday", start = "09:00:00", end = "10:00:00" } },
        }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, hours.StatusCode);
        }

        var starts = await studio.SlotStartsAsync(BookingStudio.Monday, BookingStudio.Monday.AddDays(1));
        var last = starts.Single();
        var lastLocal = TimeZoneInfo.ConvertTimeFromUtc(last, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var pages = new List<IPage>();
        foreach (var name in new[] { "ana", "bo" })
        {
            var email = $"{name}-{Guid.NewGuid():N}@example.com";
            await AddPersonAsync(studio.Host, studio.TenantId, Role.Athlete, email, linkAthleteRecord: true);
            var context = await chromium.NewContextAsync(studio.Host);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/t/{slug}/book?service={studio.ServiceId}&date=2026-11-23");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to book" }).ClickAsync();
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. Day and time" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = lastLocal }).CheckAsync();
            pages.Add(page);
        }

        await Chromium.ScreenshotAsync(pages[0], "booking-page");
        await Task.WhenAll(pages.Select(p => p.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync()));

        var outcomes = new List<string>();
        foreach (var page in pages)
        {
            var result = page.Locator("[data-booking-result='booked'], .alert.error");
            await Expect(result).ToBeVisibleAsync();
            outcomes.Add(await result.InnerTextAsync());
        }

        Assert.Single(outcomes, o => o.Contains("You are booked", StringComparison.Ordinal));
        Assert.Single(outcomes, o => o.Contains("This slot is no longer available", StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(pages[outcomes.FindIndex(o => o.Contains("no longer", StringComparison.Ordinal))], "booking-slot-taken");

        using var calendar = await Send(studio.Host, HttpMethod.Get, $"/api/v1/appointments?from={last:O}&to={last.AddHours(1):O}", studio.Owner);
        var appointment = (await calendar.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(a => a.GetProperty("start").GetDateTime().ToUniversalTime() == last);
        Assert.Single(appointment.GetProperty("bookings").EnumerateArray());

        // The winner changes their mind: their upcoming bookings list it, with a cancel button; the slot is free again.
        var winner = pages[outcomes.FindIndex(o => o.Contains("You are booked", StringComparison.Ordinal))];
        await winner.GetByRole(AriaRole.Link, new() { Name = "See your bookings" }).ClickAsync();
        await winner.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(winner.GetByRole(AriaRole.Status)).ToContainTextAsync("Booking cancelled.");
        await Expect(winner.GetByText("Booked: Sports massage")).ToBeVisibleAsync();
        await Expect(winner.GetByText("Cancelled: Sports massage")).ToBeVisibleAsync();
        Assert.Equal([last], await studio.SlotStartsAsync(BookingStudio.Monday, BookingStudio.Monday.AddDays(1)));
        foreach (var page in pages)
        {
            await page.Context.DisposeAsync();
        }
    }
}
