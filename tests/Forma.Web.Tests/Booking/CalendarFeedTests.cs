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
