using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.Booking;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Booking.BookingStudio;

namespace Forma.Web.Tests.Booking;

public class BookingNoticeTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Bookings_AreConfirmed_Reminded_AndCancellationsRecorded_ButNotReminded(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var other = await CreateAsync(studio.Host, studio.Owner, "/api/v1/athletes", new { firstName = "Ola", lastName = "Other" });
        var kept = (await (await studio.BookAsync(At(12))).Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        var dropped = (await (await studio.BookAsync(At(9), [other])).Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        Assert.Equal(HttpStatusCode.OK, (await Send(studio.Host, HttpMethod.Post, $"/api/v1/bookings/{dropped}/cancel", studio.Owner)).StatusCode);

        using var confirmation = await Send(studio.Host, HttpMethod.Get, $"/api/v1/bookings/{kept}/messages", studio.Owner);
        var first = Assert.Single((await confirmation.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(("Confirmation", "Booked: Sports massage"), (first.Text("kind"), first.Text("subject")));

        // Monday 10:30: both of the kept booking's reminders (Sunday 12:00, Monday 10:00) have fallen due; the cancelled one gets none.
        studio.Clock.Advance(TimeSpan.FromHours(25.5));
        var runner = studio.Host.App.Services.GetRequiredService<JobRunner>();
        while (await runner.RunNextAsync(CancellationToken.None))
        {
        }

        await using var scope = studio.Host.OpenDb(studio.TenantId);
        // Confirmation and cancellation share the manual clock's instant: order by kind (declaration order) in memory.
        var kinds = (await scope.Db.BookingMessages.Select(m => new { m.BookingId, m.Kind, m.RecordedAt }).ToListAsync()).OrderBy(m => m.RecordedAt).ThenBy(m => m.Kind).ToList();
        Assert.Equal([BookingMessageKind.Confirmation, BookingMessageKind.Reminder24h, BookingMessageKind.Reminder2h],
            kinds.Where(k => k.BookingId == Guid.Parse(kept)).Select(k => k.Kind).ToList());
        Assert.Equal([BookingMessageKind.Confirmation, BookingMessageKind.Cancellation],
            kinds.Where(k => k.BookingId == Guid.Parse(dropped)).Select(k => k.Kind).ToList());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Client_SeesOwnMessages_AnotherClientDoesNot(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        var (_, athleteToken) = await AddPersonAsync(studio.Host, studio.TenantId, Forma.Core.People.Role.Athlete, $"self-{Guid.NewGuid():N}@example.com", linkAthleteRecord: true);
        var booked = (await (await studio.BookAsync(At(9))).Content.ReadFromJsonAsync<JsonElement>()).Text("id");

        using var inbox = await Send(studio.Host, HttpMethod.Get, $"/api/v1/messages?clientAthleteId={studio.AthleteId}", studio.Owner);
        Assert.Single((await inbox.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        using var theirs = await Send(studio.Host, HttpMethod.Get, "/api/v1/messages", athleteToken);
        Assert.Empty((await theirs.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        await ProblemAssert.IsProblemAsync(await Send(studio.Host, HttpMethod.Get, $"/api/v1/bookings/{booked}/messages", athleteToken), HttpStatusCode.NotFound, "not-found");
    }
}
