using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Booking.BookingStudio;

namespace Forma.Web.Tests.Booking;

/// <summary>
/// An Idempotency-Key names one request: repeating it (even 500 times at once) answers with the one booking it made;
/// reusing it for a different booking is a client bug and is refused, never answered with someone else's booking.
/// </summary>
public class IdempotencyTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Book_KeyReusedForADifferentBooking_Is422NamingTheKey_AndBooksNothingMore(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        using var first = await studio.BookAsync(At(9), idempotencyKey: "order-7");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // Same key, another start: before the fix this answered 200 with the 09:00 booking.
        var body = await ProblemAssert.IsProblemAsync(await studio.BookAsync(At(11), idempotencyKey: "order-7"), HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal("order-7", body.GetProperty("idempotencyKey").GetString());

        await using var scope = studio.Host.OpenDb(studio.TenantId);
        Assert.Equal(1, scope.Db.Bookings.Count());
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Book_FiveHundredConcurrentRetriesOfOneRequest_AllAnswerWithTheSameBooking(DatabaseProvider provider)
    {
        await using var studio = await OpenAsync(provider);
        const int retries = 500;

        var responses = await Task.WhenAll(Enumerable.Range(0, retries).Select(_ => studio.BookAsync(At(9), idempotencyKey: "burst-1")));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.True(statuses.All(s => s is HttpStatusCode.Created or HttpStatusCode.OK),
            string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()}× {(int)g.Key}")));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).Text("id"));
            response.Dispose();
        }

        Assert.Single(ids);
        await using var scope = studio.Host.OpenDb(studio.TenantId);
        Assert.Equal(1, scope.Db.Bookings.Count());
    }
}
