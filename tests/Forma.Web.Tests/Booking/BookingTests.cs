using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Booking.BookingStudio;

namespace Forma.Web.Tests.Booking;

public class BookingTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Availability_FollowsHoursBuffersAndBookings(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);

        // Hours 08:00–13:00 UTC, 60 min every 30 min: the last start is 12:00.
        var free = await studio.SlotStartsAsync(Monday, Monday.AddDays(1));
        Assert.Equal([At(8), At(8, 30), At(9), At(9, 30), At(10), At(10, 30), At(11), At(11, 30), At(12)], free);

        // A booking at 09:00 occupies 08:45–10:15 with its buffers; a new one needs its own 15 minutes either side,
        // so nothing may start before 10:30 (08:00 would end its buffer at 09:15) — by hand: s + 75 min ≤ 08:45 or s − 15 min ≥ 10:15.
        Assert.Equal(HttpStatusCode.Created, (await studio.BookAsync(At(9))).StatusCode);
        Assert.Equal([At(10, 30), At(11), At(11, 30), At(12)], await studio.SlotStartsAsync(Monday, Monday.AddDays(1)));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Book_TakenSlot_Answers409WithTheNextFreeSlots(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var other = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Ola", lastName = "Other" });
        Assert.Equal(HttpStatusCode.Created, (await studio.BookAsync(At(9))).StatusCode);

        var body = await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(9), [other]), HttpStatusCode.Conflict, "slot-taken");
        var next = body.GetProperty("nextSlots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTime().ToUniversalTime()).ToList();
        // Four more that Monday, then the next Monday's first (09:00 in Berlin).
        Assert.Equal([At(10, 30), At(11), At(11, 30), At(12), At(8).AddDays(7)], next);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Book_RetriedWithTheSameIdempotencyKey_BooksOnce(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        using var first = await studio.BookAsync(At(9), idempotencyKey: "order-42");
        using var retry = await studio.BookAsync(At(9), idempotencyKey: "order-42");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).Text("id"), (await retry.Content.ReadFromJsonAsync<JsonElement>()).Text("id"));
        await using var scope = studio.Host.OpenDb(studio.TenantId);
        Assert.Equal(1, scope.Db.Bookings.Count());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Cancel_BeforeThePolicyWindow_IsFree_AndAfterIt_RecordsTheFee(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var early = await BookingIdAsync(await studio.BookAsync(At(12)));
        var late = await BookingIdAsync(await studio.BookAsync(At(8)));

        // At Sunday 09:00, Monday 12:00 is 27 h ahead: free; Monday 08:00 is 23 h ahead: inside the 24 h window.
        using var freeCancel = await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{early}/cancel", studio.Owner);
        Assert.Equal(HttpStatusCode.OK, freeCancel.StatusCode);
        using var lateCancel = await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{late}/cancel", studio.Owner);
        Assert.True(lateCancel.IsSuccessStatusCode, await lateCancel.Content.ReadAsStringAsync());
        Assert.Equal(2500, (await lateCancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feeMinor").GetInt64());
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{late}/cancel", studio.Owner), HttpStatusCode.Conflict, "booking-not-active");

        // Two deposits of €10 due and released, one late fee of €25: the client owes €25.
        using var ledger = await Send(studio.Host, HttpMethod.Get, $"/api/v1/ledger?clientAthleteId={studio.AthleteId}", studio.Owner);
        var account = await ledger.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(account.GetProperty("balance").TryGetProperty("EUR", out _), account.ToString());
        Assert.Equal(2500, account.GetProperty("balance").GetProperty("EUR").GetInt64());
        Assert.Equal(["CancellationFee", "DepositDue", "DepositDue", "DepositReleased", "DepositReleased"],
            account.GetProperty("entries").EnumerateArray().Select(e => e.Text("kind")).Order(StringComparer.Ordinal).ToList());

        // The freed slots are bookable again.
        var free = await studio.SlotStartsAsync(Monday, Monday.AddDays(1));
        Assert.Contains(At(8), free);
        Assert.Contains(At(12), free);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Book_ParticipantWithoutValidCredential_IsRefusedNamingIt(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(credentials: ["waiver"]));
        var missing = await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(9)), HttpStatusCode.UnprocessableEntity, "credential-missing");
        Assert.Equal("waiver", missing.Text("credential"));

        // Valid until Sunday: expired on the Monday of the appointment.
        await CreateAsync(studio.Host, studio.Owner, $"/api/v1/athletes/{studio.AthleteId}/credentials", new { kind = "Waiver", validFrom = "2026-01-01", expiresOn = "2026-11-22" });
        await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(9)), HttpStatusCode.UnprocessableEntity, "credential-expired");

        await CreateAsync(studio.Host, studio.Owner, $"/api/v1/athletes/{studio.AthleteId}/credentials", new { kind = "waiver", validFrom = "2026-11-22", expiresOn = "2027-11-22" });
        Assert.Equal(HttpStatusCode.Created, (await studio.BookAsync(At(9))).StatusCode);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Class_FillsUpToCapacity_ThenRefuses(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(capacity: 3));
        var second = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Sam", lastName = "Second" });
        var third = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Tia", lastName = "Third" });
        var fourth = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Fay", lastName = "Fourth" });

        using var pair = await studio.BookAsync(At(9), [studio.AthleteId, second], extra: new { serviceId = studio.ServiceId, start = At(9), participantIds = new[] { studio.AthleteId, second }, clientAthleteId = studio.AthleteId });
        Assert.Equal(HttpStatusCode.Created, pair.StatusCode);
        var pairBody = await pair.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10000, pairBody.GetProperty("priceMinor").GetInt64());

        using var last = await studio.BookAsync(At(9), [third]);
        Assert.Equal(pairBody.Text("appointmentId"), (await last.Content.ReadFromJsonAsync<JsonElement>()).Text("appointmentId"));
        Assert.DoesNotContain(At(9), await studio.SlotStartsAsync(Monday, Monday.AddDays(1)));
        await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(9), [fourth]), HttpStatusCode.Conflict, "slot-taken");
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task LastSlot_200ConcurrentRequests_ExactlyOneWins(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var athletes = new List<Guid>();
        await using (var scope = studio.Host.OpenDb(studio.TenantId))
        {
            for (var i = 0; i < 200; i++)
            {
                var athlete = Forma.Core.Athletes.Athlete.Create(studio.TenantId, "Racer", $"No{i}", DateTime.UtcNow);
                scope.Db.Athletes.Add(athlete);
                athletes.Add(athlete.Id);
            }

            await scope.Db.SaveChangesAsync();
        }

        var responses = await Task.WhenAll(athletes.Select(a => studio.BookAsync(At(9), [a])));
        var codes = responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        var odd = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        Assert.True(odd is null, odd is null ? "" : $"{odd.StatusCode}: {await odd.Content.ReadAsStringAsync()}");
        Assert.Equal(1, codes.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(199, codes.GetValueOrDefault(HttpStatusCode.Conflict));

        await using var check = studio.Host.OpenDb(studio.TenantId);
        Assert.Equal(1, check.Db.Appointments.Count(a => a.Status == Forma.Core.Booking.AppointmentStatus.Scheduled));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task ClassSeats_100ConcurrentRequests_AdmitExactlyTheCapacity(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider, PrivateSession(capacity: 8));
        var athletes = new List<Guid>();
        await using (var scope = studio.Host.OpenDb(studio.TenantId))
        {
            for (var i = 0; i < 100; i++)
            {
                var athlete = Forma.Core.Athletes.Athlete.Create(studio.TenantId, "Seat", $"No{i}", DateTime.UtcNow);
                scope.Db.Athletes.Add(athlete);
                athletes.Add(athlete.Id);
            }

            await scope.Db.SaveChangesAsync();
        }

        var responses = await Task.WhenAll(athletes.Select(a => studio.BookAsync(At(9), [a])));
        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(92, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        await using var check = studio.Host.OpenDb(studio.TenantId);
        var scheduled = check.Db.Appointments.Where(a => a.Status == Forma.Core.Booking.AppointmentStatus.Scheduled).ToList();
        Assert.Equal(8, Assert.Single(scheduled).SeatsTaken);
        Assert.Equal(8, check.Db.BookingParticipants.Count());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task BadInput_IsRefusedNamingTheField_AndWritesNothing(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Get, $"/api/v1/availability?serviceId={studio.ServiceId}&from={At(10):O}&to={At(9):O}", studio.Owner), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblemAsync(await studio.BookAsync(Monday.AddDays(-2)), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblemAsync(await studio.BookAsync(Monday.AddDays(45)), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(9), [Guid.NewGuid()]), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Put, $"/api/v1/staff/{studio.StaffId}", studio.Owner, new { timeZone = "Mars/Olympus" }), HttpStatusCode.BadRequest, "validation");

        // Another business's service is not found.
        var other = await SignupAsync(studio.Host);
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Get, $"/api/v1/availability?serviceId={studio.ServiceId}&from={Monday:O}&to={Monday.AddDays(1):O}", other.Text("accessToken")), HttpStatusCode.NotFound, "not-found");
        await using var scope = studio.Host.OpenDb(studio.TenantId);
        Assert.Equal(0, scope.Db.Bookings.Count());
    }

    private static async Task<Guid> BookingIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).Text("id"));
    }
}
