using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.Athletes;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Testing;
using Forma.Web;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forma.Benchmarks;

/// <summary>
/// Sustained booking throughput on PostgreSQL: the real app on Kestrel on loopback, 40 bookable staff working around
/// the clock, 1,000 clients, and concurrent workers booking 30-minute slots through <c>POST /api/v1/appointments</c>
/// for a fixed time. One request in ten deliberately asks for a slot another request already asked for, so the
/// no-overlap constraint is exercised, not only the happy path. Afterwards SQL over the tables counts overlapping
/// appointments of one staff member and appointments over capacity — both must be 0.
/// Run: <c>bash bench/run.sh booking-load [workers] [seconds]</c>.
/// </summary>
internal static class BookingLoad
{
    private const int Staff = 40;
    private const int Clients = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = database.Settings();
        settings["Jobs:Enabled"] = "false";
        // The test clusters cap each pool at 20 connections (many test databases share one server); the app gets
        // Npgsql's default of 100, as in production, so 32 workers do not queue for a connection.
        settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.AppConnectionString) { MaxPoolSize = 100 }.ConnectionString;
        var app = BenchApp.Build(settings);
        await FormaApp.PrepareAsync(app);
        await app.StartAsync();
        var baseAddress = BenchApp.Address(app);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress };
        var signup = await PostAsync(client, "/api/v1/auth/signup", new
        {
            businessName = "Booking Load", subdomain = "book-" + Guid.NewGuid().ToString("N")[..8], email = $"book-{Guid.NewGuid():N}@example.com",
            password = "Bench-Marks-Are-Fun-42", firstName = "Bo", lastName = "Oking",
        });
        var token = signup.GetProperty("accessToken").GetString()!;
        var tenantId = Guid.Parse(signup.GetProperty("tenantId").GetString()!);
        var serviceId = Guid.Parse((await PostAsync(client, "/api/v1/services", new
        {
            name = "Half hour", durationMinutes = 30, slotStepMinutes = 30, capacity = 1, priceMinor = 3000, depositMinor = 500, currency = "EUR",
            minimumNoticeMinutes = 0, maximumDaysAhead = 60,
        }, token)).GetProperty("id").GetString()!);
        var (staff, clients) = await SeedAsync(app.Services, tenantId, serviceId);

        // Every (staff, half hour) of the next 30 days in random order; one request in ten repeats an earlier slot.
        var random = new Random(7);
        var first = DateTime.UtcNow.Date.AddDays(1);
        var slots = staff.SelectMany(s => Enumerable.Range(0, 30 * 48).Select(i => (Staff: s, Start: first.AddMinutes(30 * i)))).OrderBy(_ => random.Next()).ToArray();
        var next = -1;
        int created = 0, conflicts = 0, failures = 0;
        async Task OfferAsync(TimeSpan length)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
            {
                var mine = new Random(w);
                while (clock.Elapsed < length)
                {
                    var index = Interlocked.Increment(ref next);
                    var slot = mine.Next(10) == 0 && index > 0 ? slots[mine.Next(index)] : slots[index];
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments")
                    {
                        Content = JsonContent.Create(new { serviceId, start = slot.Start, staffId = slot.Staff, participantIds = new[] { clients[mine.Next(clients.Count)] } }),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var response = await client.SendAsync(request);
                    _ = response.StatusCode switch
                    {
                        HttpStatusCode.Created => Interlocked.Increment(ref created),
                        HttpStatusCode.Conflict => Interlocked.Increment(ref conflicts),
                        _ => Interlocked.Increment(ref failures),
                    };
                }
            })));
        }

        // As for the dashboard: measure the steady state, after the JIT has settled (FORMA_BENCH_WARMUP seconds, default 15).
        await OfferAsync(TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("FORMA_BENCH_WARMUP") ?? "15", CultureInfo.InvariantCulture)));
        (created, conflicts, failures) = (0, 0, 0);
        using var meters = new EfMeters();
        var before = meters.Snapshot();
        var clock = Stopwatch.StartNew();
        await OfferAsync(TimeSpan.FromSeconds(seconds));
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine("EF Core per request: " + EfMeters.PerRequest(before, meters.Snapshot(), created + conflicts + failures));
        var (overlaps, overCapacity, scheduled) = await CheckAsync(database.OwnerConnectionString);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workers} workers, {elapsed:0.0} s: {created} booked ({created / elapsed:0} bookings/s), {conflicts} refused with 409, {failures} failed; SQL check: {scheduled} scheduled appointments, {overlaps} overlapping pairs, {overCapacity} over capacity"));
        await app.StopAsync();
        await app.DisposeAsync();
        return failures == 0 && overlaps == 0 && overCapacity == 0 ? 0 : 1;
    }

    /// <summary>Staff members (coaches) bookable around the clock for the service, and clients to book for.</summary>
    private static async Task<(List<Guid> Staff, List<Guid> Clients)> SeedAsync(IServiceProvider services, Guid tenantId, Guid serviceId)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        var now = DateTime.UtcNow;
        var allWeek = Enum.GetValues<DayOfWeek>().Select(d => new WeeklyPeriod(d, TimeOnly.MinValue, TimeOnly.MinValue)).ToList();
        var staff = new List<Guid>();
        for (var i = 0; i < Staff; i++)
        {
            var user = User.Create($"staff-{i}-{Guid.NewGuid():N}@example.com", "Staff", $"No{i}", now);
            var membership = Membership.Create(tenantId, user.Id, Role.Coach, now);
            var profile = StaffProfile.Create(tenantId, membership.Id, Guid.NewGuid().ToString("N"), now);
            profile.Define("UTC", [], [serviceId], allWeek, true, now);
            db.Users.Add(user);
            db.Memberships.Add(membership);
            db.StaffProfiles.Add(profile);
            staff.Add(membership.Id);
        }

        var clients = new List<Guid>();
        for (var i = 0; i < Clients; i++)
        {
            var athlete = Athlete.Create(tenantId, "Client", $"No{i}", now);
            db.Athletes.Add(athlete);
            clients.Add(athlete.Id);
        }

        await db.SaveChangesAsync();
        return (staff, clients);
    }

    /// <summary>Straight SQL as the schema owner, past the application and its row-level security.</summary>
    private static async Task<(long Overlaps, long OverCapacity, long Scheduled)> CheckAsync(string ownerConnectionString)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        var overlaps = await CountAsync("""
            SELECT count(*) FROM appointments a JOIN appointments b
              ON a.tenant_id = b.tenant_id AND a.staff_membership_id = b.staff_membership_id AND a.id < b.id
             WHERE a.status = 'Scheduled' AND b.status = 'Scheduled' AND a.occupied_from < b.occupied_to AND b.occupied_from < a.occupied_to
            """);
        var overCapacity = await CountAsync("""
            SELECT count(*) FROM appointments a
             WHERE a.seats_taken > a.capacity
                OR a.seats_taken <> (SELECT coalesce(sum(b.seats), 0) FROM bookings b WHERE b.tenant_id = a.tenant_id AND b.appointment_id = a.id AND b.status = 'Booked')
            """);
        return (overlaps, overCapacity, await CountAsync("SELECT count(*) FROM appointments WHERE status = 'Scheduled'"));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
