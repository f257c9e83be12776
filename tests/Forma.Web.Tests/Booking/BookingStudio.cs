using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Booking;

/// <summary>
/// A business set up for booking tests: an owner, a coach whose calendar is Mondays 09:00–14:00 in Europe/Berlin
/// (UTC+1 in November: 08:00–13:00 UTC), a service they deliver, and an athlete. The clock stands at Sunday
/// 2026-11-22 09:00 UTC, so Monday the 23rd is bookable.
/// </summary>
internal sealed record BookingStudio(WebHost Host, ManualClock Clock, string Owner, Guid TenantId, Guid StaffId, Guid ServiceId, Guid AthleteId) : IAsyncDisposable
{
    private static readonly string[] Skills = ["massage"];

    public static readonly DateTime Monday = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<BookingStudio> OpenAsync(DatabaseProvider provider, object? service = null)
    {
        var clock = new ManualClock();
        var host = await WebHost.StartAsync(provider, clock: clock);
        var signup = await SignupAsync(host);
        var owner = signup.Text("accessToken");
        var tenantId = Guid.Parse(signup.Text("tenantId"));
        var (staffId, _) = await AddPersonAsync(host, tenantId, Role.Coach, $"coach-{Guid.NewGuid():N}@example.com");
        var serviceId = await CreateAsync(host, owner, "/api/v1/services", service ?? PrivateSession());
        using var calendar = await Send(host, HttpMethod.Put, $"/api/v1/staff/{staffId}", owner, new
        {
            timeZone = "Europe/Berlin", skills = Skills, serviceIds = new[] { serviceId },
            weeklyHours = new[] { new { day = "Monday", start = "09:00:00", end = "14:00:00" } },
        });
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        var athleteId = await CreateAsync(host, owner, "/api/v1/athletes", new { firstName = "Pia", lastName = "Participant" });
        return new BookingStudio(host, clock, owner, tenantId, staffId, serviceId, athleteId);
    }

    /// <summary>60 minutes with 15-minute buffers, starts every 30 minutes, €50 with a €10 deposit, free to cancel until 24 h before, €25 after.</summary>
    public static object PrivateSession(int capacity = 1, string[]? credentials = null, int maximumDaysAhead = 30) => new
    {
        name = capacity == 1 ? "Sports massage" : "Small-group class", durationMinutes = 60, bufferBeforeMinutes = 15, bufferAfterMinutes = 15, capacity,
        slotStepMinutes = 30, priceMinor = 5000, depositMinor = 1000, currency = "EUR", requiredSkills = new[] { "massage" },
        requiredCredentials = credentials ?? [], minimumNoticeMinutes = 60, maximumDaysAhead, freeCancellationHours = 24, lateCancellationFeeMinor = 2500, noShowFeeMinor = 5000,
    };

    public Task<HttpResponseMessage> BookAsync(DateTime start, Guid[]? participants = null, string? token = null, string? idempotencyKey = null, object? extra = null)
    {
        var request = WithToken(HttpMethod.Post, "/api/v1/appointments", token ?? Owner);
        request.Content = JsonContent.Create(extra ?? new { serviceId = ServiceId, start, participantIds = participants ?? [AthleteId] });
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Host.Client.SendAsync(request);
    }

    public async Task<List<DateTime>> SlotStartsAsync(DateTime from, DateTime to, int participants = 1)
    {
        using var response = await Send(Host, HttpMethod.Get, $"/api/v1/availability?serviceId={ServiceId}&from={from:O}&to={to:O}&participants={participants}", Owner);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var slots = await response.Content.ReadFromJsonAsync<JsonElement>();
        return slots.EnumerateArray().Select(s => s.GetProperty("start").GetDateTime().ToUniversalTime()).ToList();
    }

    public static async Task<Guid> CreateAsync(WebHost host, string token, string path, object body)
    {
        using var response = await Send(host, HttpMethod.Post, path, token, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).Text("id"));
    }

    /// <summary>A guardian with a login and two children in their care, "Kit Kid" and "Kat Kid".</summary>
    public async Task<(Guid Parent, string ParentToken, Guid Kit, Guid Kat)> AddFamilyAsync()
    {
        var (parent, parentToken) = await AddPersonAsync(Host, TenantId, Role.Guardian, $"parent-{Guid.NewGuid():N}@example.com");
        var kit = await CreateAsync(Host, Owner, "/api/v1/athletes", new { firstName = "Kit", lastName = "Kid" });
        var kat = await CreateAsync(Host, Owner, "/api/v1/athletes", new { firstName = "Kat", lastName = "Kid" });
        foreach (var child in new[] { kit, kat })
        {
            using var linked = await Send(Host, HttpMethod.Post, $"/api/v1/athletes/{child}/guardians", Owner, new { membershipId = parent });
            Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        }

        return (parent, parentToken, kit, kat);
    }

    public static DateTime At(int hour, int minute = 0) => Monday.AddHours(hour).AddMinutes(minute);

    /// <summary>The business's subdomain, for its pages (/t/{slug}/…).</summary>
    public async Task<string> SlugAsync()
    {
        using var tenant = await Host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/tenants/{TenantId}"));
        return (await tenant.Content.ReadFromJsonAsync<JsonElement>()).Text("subdomain");
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
