using System.Net;
using System.Text.Json;
using Forma.Data;
using Microsoft.EntityFrameworkCore;
using static Forma.Web.Tests.Plans.FakePaymentProvider;

namespace Forma.Web.Tests.Plans;

/// <summary>
/// A correctly signed event is still input: fields of the wrong JSON type, ids too long to store and timestamps
/// outside the calendar are refused with a 400 naming the field, and nothing of the event is kept, so a corrected
/// redelivery is applied normally.
/// </summary>
public class WebhookInputTests
{
    private const string Subscription = """{"id":"sub_1","object":"subscription","customer":"cus_1","status":"active","metadata":{"tenant_id":"TENANT"},"items":{"data":[{"price":{"id":"price_forma_basic_month"}}]},"current_period_end":1800000000}""";

    public static TheoryData<string, string> Malformed() => new()
    {
        { """{"id":"evt_1","type":"invoice.paid","created":1.5,"data":{"object":{}}}""", "created" },
        { """{"id":"evt_1","type":"invoice.paid","created":1e30,"data":{"object":{}}}""", "created" },
        { """{"id":"evt_1","type":"invoice.paid","created":-99999999999,"data":{"object":{}}}""", "created" },
        { """{"id":"evt_1","type":"invoice.paid","created":1796700000,"data":"object"}""", "data" },
        { """{"id":"evt_1","type":"invoice.paid","created":1796700000,"data":{"object":[1]}}""", "data.object" },
        { "{\"id\":\"" + new string('e', 300) + "\",\"type\":\"invoice.paid\",\"created\":1796700000,\"data\":{\"object\":{}}}", "id" },
        { """{"id":"evt_1","type":"customer.subscription.updated","created":1796700000,"data":{"object":SUB}}""".Replace("SUB", Subscription.Replace("\"current_period_end\":1800000000", "\"current_period_end\":1e20")), "data.object.current_period_end" },
        { """{"id":"evt_1","type":"customer.subscription.updated","created":1796700000,"data":{"object":SUB}}""".Replace("SUB", Subscription.Replace("{\"data\":[{\"price\":{\"id\":\"price_forma_basic_month\"}}]}", "{\"data\":\"none\"}")), "data.object.items.data" },
        { """{"id":"evt_1","type":"customer.subscription.updated","created":1796700000,"data":{"object":SUB}}""".Replace("SUB", Subscription.Replace("{\"id\":\"price_forma_basic_month\"}", "5")), "data.object.items.data[0].price" },
        { """{"id":"evt_1","type":"customer.subscription.updated","created":1796700000,"data":{"object":SUB}}""".Replace("SUB", Subscription.Replace("\"id\":\"sub_1\",", "")), "data.object.id" },
        { """{"id":"evt_1","type":"customer.subscription.updated","created":1796700000,"data":{"object":SUB}}""".Replace("SUB", Subscription.Replace("\"status\":\"active\"", $"\"status\":\"{new string('s', 100)}\"")), "data.object.status" },
        { """{"id":"evt_1","type":"customer.subscription.updated","created":1796700000,"data":{"object":SUB}}""".Replace("SUB", Subscription.Replace("\"customer\":\"cus_1\"", "\"customer\":\"cus\\u0000x\"")), "data.object.customer" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task SignedEvent_WithAMalformedField_Is400NamingIt_AndIsNotKept(string template, string field)
    {
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite, new() { ["Billing:WebhookSecrets:0"] = SigningSecret });
        var (tenantId, _) = await host.CreateTenantAsync();
        var now = DateTimeOffset.UtcNow;

        using var response = await DeliverAsync(host.Client, template.Replace("TENANT", tenantId.ToString()), now);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await using var platform = host.OpenDb();
        Assert.Equal(0, await platform.Db.BillingEvents.CountAsync());
        await using var business = host.OpenDb(tenantId);
        Assert.Equal(0, await business.Db.Subscriptions.CountAsync());
    }

    [Fact]
    public async Task SignedEvent_WellFormed_IsStillApplied()
    {
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite, new() { ["Billing:WebhookSecrets:0"] = SigningSecret });
        var (tenantId, _) = await host.CreateTenantAsync();
        var json = """{"id":"evt_1","type":"customer.subscription.updated","created":1796700000,"data":{"object":SUB}}""".Replace("SUB", Subscription).Replace("TENANT", tenantId.ToString());

        using var response = await DeliverAsync(host.Client, json, DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("subscription sub_1 active", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString(), StringComparison.Ordinal);
    }
}
