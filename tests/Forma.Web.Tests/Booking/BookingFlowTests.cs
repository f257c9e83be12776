using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Booking.BookingStudio;

namespace Forma.Web.Tests.Booking;

public class BookingFlowTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Cancellation_PromotesTheWaitlistInOrder_AsFarAsSeatsGo(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(capacity: 2));
        var partner = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Pat", lastName = "Partner" });
        var single = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Sol", lastName = "Single" });
        var twinA = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Tam", lastName = "Twin" });
        var twinB = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Tom", lastName = "Twin" });
        using var pair = await studio.BookAsync(At(9), extra: new { serviceId = studio.ServiceId, start = At(9), participantIds = new[] { studio.AthleteId, partner }, clientAthleteId = studio.AthleteId });
        var pairBody = await pair.Content.ReadFromJsonAsync<JsonElement>();
        var appointment = pairBody.Text("appointmentId");

        // Full: a single waits first, a pair of twins second.
        var first = await JoinAsync(studio, appointment, new { participantIds = new[] { single } });
        studio.Clock.Advance(TimeSpan.FromSeconds(1)); // the order of joining is the order of the clock
        var second = await JoinAsync(studio, appointment, new { participantIds = new[] { twinA, twinB }, clientAthleteId = twinA });
        Assert.Equal((1, 2), (first.GetProperty("position").GetInt32(), second.GetProperty("position").GetInt32()));

        // The pair cancels: two seats free. The single is promoted; the twins need two of the one left and keep their place.
        using var cancel = await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{pairBody.Text("id")}/cancel", studio.Owner);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        using var list = await Send(studio.Host, HttpMethod.Get, $"/api/v1/appointments/{appointment}/waitlist", studio.Owner);
        var entries = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(("Promoted", "Waiting"), (entries[0].Text("status"), entries[1].Text("status")));
        Assert.Equal(1, entries[1].GetProperty("position").GetInt32());

        using var promoted = await Send(studio.Host, HttpMethod.Get, $"/api/v1/bookings/{entries[0].Text("bookingId")}", studio.Owner);
        var booking = await promoted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((appointment, "Booked"), (booking.Text("appointmentId"), booking.Text("status")));
        await using var scope = studio.Host.OpenDb(studio.TenantId);
        Assert.Equal(1, scope.Db.Appointments.Single().SeatsTaken);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Reschedule_MovesTheBooking_OrChangesNothingWhenTheNewSlotIsTaken(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var other = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Ola", lastName = "Other" });
        var booked = (await (await studio.BookAsync(At(9))).Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        Assert.Equal(HttpStatusCode.Created, (await studio.BookAsync(At(12), [other])).StatusCode);

        // 12:00 is taken: refused, and the 09:00 booking stands.
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{booked}/reschedule", studio.Owner, new { start = At(12) }), HttpStatusCode.Conflict, "slot-taken");

        // 09:30 overlaps the booking's own old time, which the move frees.
        using var moved = await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{booked}/reschedule", studio.Owner, new { start = At(9, 30) });
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        Assert.Equal(At(9, 30), (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("start").GetDateTime().ToUniversalTime());
        using var old = await Send(studio.Host, HttpMethod.Get, $"/api/v1/bookings/{booked}", studio.Owner);
        Assert.Equal("Cancelled", (await old.Content.ReadFromJsonAsync<JsonElement>()).Text("status"));

        // The deposit moved with it: due, released, due again — €10 owed, no fee.
        using var ledger = await Send(studio.Host, HttpMethod.Get, $"/api/v1/ledger?clientAthleteId={studio.AthleteId}", studio.Owner);
        Assert.Equal(1000, (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetProperty("EUR").GetInt64());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Recurring_BooksWhatIsFree_AndSaysWhyTheRestIsNot(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var other = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Ola", lastName = "Other" });
        Assert.Equal(HttpStatusCode.Created, (await studio.BookAsync(At(9).AddDays(7), [other])).StatusCode);

        // Six Mondays from the 23rd: the 30th is taken; the 28th of December lies 36 days ahead, past the 30-day horizon.
        using var response = await Send(studio.Host, HttpMethod.Post, "/api/v1/appointments/recurring", studio.Owner,
            new { serviceId = studio.ServiceId, start = At(9), participantIds = new[] { studio.AthleteId }, occurrences = 6 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var series = await response.Content.ReadFromJsonAsync<JsonElement>();
        var outcomes = series.GetProperty("occurrences").EnumerateArray()
            .Select(o => (Day: o.GetProperty("start").GetDateTime().ToUniversalTime().Day, Problem: o.TryGetProperty("problem", out var p) ? p.GetString() : null)).ToList();
        Assert.Equal([(23, null), (30, "slot-taken"), (7, null), (14, null), (21, null), (28, "outside-booking-window")], outcomes);
        Assert.Equal(4, series.GetProperty("booked").GetInt32());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Recurring_AcrossADaylightSavingChange_KeepsTheLocalTime(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(maximumDaysAhead: 200));

        // The business is in Europe/Oslo: 09:00 on 22 March 2027 is 08:00 UTC; after the change on the 28th, 09:00 is 07:00 UTC.
        using var response = await Send(studio.Host, HttpMethod.Post, "/api/v1/appointments/recurring", studio.Owner,
            new { serviceId = studio.ServiceId, start = new DateTime(2027, 3, 22, 8, 0, 0, DateTimeKind.Utc), participantIds = new[] { studio.AthleteId }, occurrences = 2 });
        var starts = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("occurrences").EnumerateArray()
            .Select(o => (o.GetProperty("start").GetDateTime().ToUniversalTime(), o.GetProperty("booked").GetBoolean())).ToList();
        Assert.Equal([(new DateTime(2027, 3, 22, 8, 0, 0, DateTimeKind.Utc), true), (new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc), true)], starts);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Guardian_BooksTheirDependentsAndPays_ButNooneElse(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(capacity: 4));
        var (parent, parentToken, childA, childB) = await studio.AddFamilyAsync();
        var (_, athleteToken) = await AddPersonAsync(studio.Host, studio.TenantId, Forma.Core.People.Role.Athlete, $"self-{Guid.NewGuid():N}@example.com", linkAthleteRecord: true);

        // Both children in one appointment, paid by the parent: two seats, twice the price.
        using var booked = await studio.BookAsync(At(9), [childA, childB], parentToken);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((parent.ToString(), 2, 10000L), (body.Text("clientMembershipId"), body.GetProperty("seats").GetInt32(), body.GetProperty("priceMinor").GetInt64()));

        // Someone else's child, or an athlete booking another person: refused, and nothing is written.
        await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(9), [studio.AthleteId], parentToken), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(9), [childA], athleteToken), HttpStatusCode.Forbidden, "forbidden");

        // The parent sees the booking and their account; the other athlete does not see the booking.
        using var ledger = await Send(studio.Host, HttpMethod.Get, "/api/v1/ledger", parentToken);
        Assert.Equal(2000, (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetProperty("EUR").GetInt64());
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Get, $"/api/v1/bookings/{body.Text("id")}", athleteToken), HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<JsonElement> JoinAsync(BookingStudio studio, string appointment, object body)
    {
        using var response = await Send(studio.Host, HttpMethod.Post, $"/api/v1/appointments/{appointment}/waitlist", studio.Owner, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
