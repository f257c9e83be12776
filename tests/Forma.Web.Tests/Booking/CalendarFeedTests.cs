using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Booking.BookingStudio;

namespace Forma.Web.Tests.Booking;

public class CalendarFeedTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task StaffFeed_ListsAppointmentsInUtc_BehindItsSecret(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var booking = await (await studio.BookAsync(At(9))).Content.ReadFromJsonAsync<JsonElement>();
        using var feed = await Send(studio.Host, HttpMethod.Get, $"/api/v1/staff/{studio.StaffId}/calendar-feed", studio.Owner);
        var url = new Uri((await feed.Content.ReadFromJsonAsync<JsonElement>()).Text("url"));

        // Anonymous, as a calendar app subscribes.
        using var calendar = await studio.Host.Client.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        var ics = await calendar.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{booking.Text("appointmentId")}@forma\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261123T090000Z\r\nDTEND:20261123T100000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Sports massage\r\n", ics, StringComparison.Ordinal);

        // A wrong secret, or the right one under another business's address, finds nothing.
        var path = url.AbsolutePath;
        await ProblemAssert.IsProblemAsync(await studio.Host.Client.GetAsync(path.Replace(path.Split('/')[^1], new string('0', 64) + ".ics", StringComparison.Ordinal)), HttpStatusCode.NotFound, "not-found");
        var otherSlug = "other-" + Guid.NewGuid().ToString("N")[..8];
        await SignupAsync(studio.Host, subdomain: otherSlug);
        var slug = path.Split('/')[2];
        await ProblemAssert.IsProblemAsync(await studio.Host.Client.GetAsync(path.Replace($"/t/{slug}/", $"/t/{otherSlug}/", StringComparison.Ordinal)), HttpStatusCode.NotFound, "not-found");

        // Rotating the secret cuts off the old URL.
        using var rotated = await Send(studio.Host, HttpMethod.Post, $"/api/v1/staff/{studio.StaffId}/calendar-feed/rotate", studio.Owner);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        await ProblemAssert.IsProblemAsync(await studio.Host.Client.GetAsync(url.PathAndQuery), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task ClientFeed_ShowsAGuardiansBookingsWithWhoAttends_AndNobodyElses(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(capacity: 4));
        var (parent, parentToken, kit, kat) = await studio.AddFamilyAsync();
        var (_, athleteToken) = await AddPersonAsync(studio.Host, studio.TenantId, Forma.Core.People.Role.Athlete, $"self-{Guid.NewGuid():N}@example.com", linkAthleteRecord: true);

        var booking = await (await studio.BookAsync(At(9), [kit, kat], parentToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, (await studio.BookAsync(At(11))).StatusCode); // the owner books Pia: not the parent's

        var url = await FeedUrlAsync(studio, "/api/v1/calendar-feed", parentToken);
        var ics = await (await studio.Host.Client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains($"UID:{booking.Text("id")}@forma\r\nDTSTAMP:", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261123T090000Z\r\nDTEND:20261123T100000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:For Kat Kid\\, Kit Kid\r\n", ics, StringComparison.Ordinal);
        Assert.Single(ics.Split("BEGIN:VEVENT")[1..]);

        // Staff find the same URL by naming the client; the URL is stable until rotated; another athlete's feed is empty.
        Assert.Equal(url, await FeedUrlAsync(studio, $"/api/v1/calendar-feed?clientMembershipId={parent}", studio.Owner));
        Assert.Equal(url, await FeedUrlAsync(studio, "/api/v1/calendar-feed", parentToken));
        var athleteIcs = await (await studio.Host.Client.GetAsync(await FeedUrlAsync(studio, "/api/v1/calendar-feed", athleteToken))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("BEGIN:VEVENT", athleteIcs, StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Get, $"/api/v1/calendar-feed?clientAthleteId={Guid.NewGuid()}", studio.Owner), HttpStatusCode.NotFound, "not-found");

        // A cancellation stays in the feed as CANCELLED, so subscribed calendars remove the event.
        Assert.Equal(HttpStatusCode.OK, (await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{booking.Text("id")}/cancel", parentToken, new { })).StatusCode);
        Assert.Contains("STATUS:CANCELLED\r\n", await (await studio.Host.Client.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Rotating cuts off the old URL.
        using var rotated = await Send(studio.Host, HttpMethod.Post, "/api/v1/calendar-feed/rotate", parentToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        await ProblemAssert.IsProblemAsync(await studio.Host.Client.GetAsync(url), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await studio.Host.Client.GetAsync(new Uri((await rotated.Content.ReadFromJsonAsync<JsonElement>()).Text("url")).PathAndQuery)).StatusCode);
    }

    private static async Task<string> FeedUrlAsync(BookingStudio studio, string path, string token)
    {
        using var response = await Send(studio.Host, HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).Text("url")).PathAndQuery;
    }

    [Fact]
    public void IcsLines_AreEscapedAndFoldedAt75Octets_WithoutSplittingCharacters()
    {
        Assert.Equal(@"Yoga\, stretch\; rest\\ and\nbreathe", Forma.Web.Features.Booking.IcsWriter.Escape("Yoga, stretch; rest\\ and\nbreathe"));

        // 80 two-octet characters after an 8-octet name: no physical line over 75 octets, none starting inside a character.
        var ics = new StringBuilder();
        Forma.Web.Features.Booking.IcsWriter.Line(ics, "SUMMARY:" + new string('é', 80));
        var lines = ics.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.All(lines.Skip(1), line => Assert.StartsWith(" ", line, StringComparison.Ordinal));
        Assert.Equal("SUMMARY:" + new string('é', 80), string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
    }
}
