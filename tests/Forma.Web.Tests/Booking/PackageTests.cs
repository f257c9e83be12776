using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Booking.BookingStudio;

namespace Forma.Web.Tests.Booking;

public class PackageTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task PunchCard_PaysBookingsUntilSpent_AndAFreeCancellationGivesTheSessionBack(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var card = await SellAsync(studio, new { name = "Two massages", kind = "PunchCard", sessions = 2, validDays = 30, priceMinor = 9000 });

        using var first = await BookWithAsync(studio, card, At(9));
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0L, 0L), (firstBody.GetProperty("priceMinor").GetInt64(), firstBody.GetProperty("depositMinor").GetInt64()));
        var second = (await (await BookWithAsync(studio, card, At(12))).Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        await ProblemAssert.IsProblemAsync(await BookWithAsync(studio, card, At(9).AddDays(7)), HttpStatusCode.UnprocessableEntity, "credits-exhausted");

        // Monday 12:00 is 27 h away: cancelling is free and the session comes back.
        Assert.Equal(HttpStatusCode.OK, (await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{second}/cancel", studio.Owner)).StatusCode);
        Assert.Equal(1, (await HoldingAsync(studio, card)).GetProperty("remainingNow").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await BookWithAsync(studio, card, At(9).AddDays(7))).StatusCode);
        Assert.Equal(0, (await HoldingAsync(studio, card)).GetProperty("remainingNow").GetInt32());

        // Money: the card's price only — no deposits on sessions it paid for.
        using var ledger = await Send(studio.Host, HttpMethod.Get, $"/api/v1/ledger?clientAthleteId={studio.AthleteId}", studio.Owner);
        Assert.Equal(9000, (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetProperty("EUR").GetInt64());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Membership_AllowsItsSessionsPerMonth(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(maximumDaysAhead: 60));
        var membership = await SellAsync(studio, new { name = "Monthly two", kind = "Membership", sessions = 2, priceMinor = 6000 });

        // Sold on 22 November: months run 22 Nov–21 Dec and 22 Dec–21 Jan.
        Assert.Equal(HttpStatusCode.Created, (await BookWithAsync(studio, membership, At(9))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookWithAsync(studio, membership, At(9).AddDays(7))).StatusCode);
        await ProblemAssert.IsProblemAsync(await BookWithAsync(studio, membership, At(9).AddDays(14)), HttpStatusCode.UnprocessableEntity, "credits-exhausted");
        Assert.Equal(HttpStatusCode.Created, (await BookWithAsync(studio, membership, At(9).AddDays(35))).StatusCode);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task PunchCard_20ConcurrentBookings_SpendExactlyItsSessions(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(capacity: 50));
        var card = await SellAsync(studio, new { name = "Five classes", kind = "PunchCard", sessions = 5, validDays = 90, priceMinor = 0 });
        var friends = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            friends.Add(await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Friend", lastName = $"No{i}" }));
        }

        // The card's holder brings twenty friends, one booking each, all at once.
        var responses = await Task.WhenAll(friends.Select(f => studio.BookAsync(At(9), extra: new
        {
            serviceId = studio.ServiceId, start = At(9), participantIds = new[] { f }, clientAthleteId = studio.AthleteId, clientPackageId = card,
        })));
        var odd = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity));
        Assert.True(odd is null, odd is null ? "" : $"{odd.StatusCode}: {await odd.Content.ReadAsStringAsync()}");
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        await using var scope = studio.Host.OpenDb(studio.TenantId);
        Assert.Equal(5, scope.Db.CreditUses.Sum(u => u.Seats));
        Assert.Equal(5, scope.Db.Appointments.Single().SeatsTaken);
    }

    private static async Task<Guid> SellAsync(BookingStudio studio, object package)
    {
        var packageId = await CreateAsync(studio.Host, studio.Owner, "/api/v1/packages", package);
        return await CreateAsync(studio.Host, studio.Owner, "/api/v1/client-packages", new { packageId, clientAthleteId = studio.AthleteId });
    }

    private static Task<HttpResponseMessage> BookWithAsync(BookingStudio studio, Guid clientPackageId, DateTime start) =>
        studio.BookAsync(start, extra: new { serviceId = studio.ServiceId, start, participantIds = new[] { studio.AthleteId }, clientPackageId });

    private static async Task<JsonElement> HoldingAsync(BookingStudio studio, Guid clientPackageId)
    {
        using var response = await Send(studio.Host, HttpMethod.Get, $"/api/v1/client-packages?clientAthleteId={studio.AthleteId}", studio.Owner);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(p => p.Text("id") == clientPackageId.ToString());
    }
}
