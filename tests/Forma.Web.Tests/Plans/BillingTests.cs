using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Plans.FakePaymentProvider;

namespace Forma.Web.Tests.Plans;

public class BillingTests
{
    private const string BasicMonthly = "price_forma_basic_month";

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Checkout_GoesThroughTheProvider_AndItsWebhooksPutTheBusinessOnThePlan(DatabaseProvider provider)
    {
        await using var fake = await FakePaymentProvider.StartAsync();
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(provider, fake.Settings(), clock: clock);
        var email = $"buyer-{Guid.NewGuid():N}@example.com";
        var signup = await SignupAsync(host, email: email);
        var (owner, tenantId) = (signup.Text("accessToken"), Guid.Parse(signup.Text("tenantId")));

        using var checkout = await Send(host, HttpMethod.Post, "/api/v1/billing/checkout", owner, new { plan = "basic", interval = "month" });
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        var url = (await checkout.Content.ReadFromJsonAsync<JsonElement>()).Text("url");
        var (sessionId, form) = Assert.Single(fake.Checkouts);
        Assert.Equal($"https://checkout.example.test/c/pay/{sessionId}", url);
        Assert.Equal((BasicMonthly, "subscription", tenantId.ToString()), (form["line_items[0][price]"], form["mode"], form["subscription_data[metadata][tenant_id]"]));

        // The provider reports the completed checkout and the new subscription; the trial is over by then.
        clock.Advance(TimeSpan.FromDays(20));
        var now = clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(host.Client, Event("evt_1", "checkout.session.completed", now, new { id = sessionId, customer = "cus_1", subscription = "sub_1", client_reference_id = tenantId.ToString() }), now)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(host.Client, Event("evt_2", "customer.subscription.created", now, SubscriptionObject("sub_1", "cus_1", "active", BasicMonthly, tenantId, now.AddMonths(1))), now)).StatusCode);
        var token = await Relogin(host, email);
        Assert.Equal("basic", (await PlanTests.UsageAsync(host, token)).GetProperty("plan").Text("code"));

        using var portal = await Send(host, HttpMethod.Post, "/api/v1/billing/portal", token);
        Assert.Equal("https://billing.example.test/p/session/cus_1", (await portal.Content.ReadFromJsonAsync<JsonElement>()).Text("url"));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Webhook_RefusesBadAndStaleSignatures_AcceptsARotatedSecret_AndAppliesAnEventOnce(DatabaseProvider provider)
    {
        await using var fake = await FakePaymentProvider.StartAsync();
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(provider, fake.Settings(), clock: clock);
        var tenantId = Guid.Parse((await SignupAsync(host)).Text("tenantId"));
        var now = clock.GetUtcNow();
        var created = Event("evt_created", "customer.subscription.created", now, SubscriptionObject("sub_9", "cus_9", "active", BasicMonthly, tenantId, now.AddMonths(1)));

        await ProblemAssert.IsProblemAsync(await DeliverAsync(host.Client, created, now, secret: "whsec_someone_else"), HttpStatusCode.BadRequest, "bad-signature");
        await ProblemAssert.IsProblemAsync(await DeliverAsync(host.Client, created, now.AddSeconds(-301)), HttpStatusCode.BadRequest, "bad-signature");
        using (var unsigned = await host.Client.PostAsync("/api/v1/billing/webhook", new StringContent(created)))
        {
            await ProblemAssert.IsProblemAsync(unsigned, HttpStatusCode.BadRequest, "bad-signature");
        }

        // Signed with the previous secret (mid-rotation) and delivered twice: applied once.
        var first = await (await DeliverAsync(host.Client, created, now.AddSeconds(-299), secret: OldSigningSecret)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await DeliverAsync(host.Client, created, now)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((false, true), (first.GetProperty("duplicate").GetBoolean(), second.GetProperty("duplicate").GetBoolean()));
        await using var scope = host.OpenDb(tenantId);
        Assert.Equal(1, await scope.Db.BillingEvents.CountAsync(e => e.Id == "evt_created"));
        Assert.Equal(1, await scope.Db.AuditEvents.CountAsync(e => e.Action == "billing.event"));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Events_OutOfOrder_KeepTheNewestState_AndAFailedPaymentDowngradesAfterTheGracePeriod(DatabaseProvider provider)
    {
        await using var fake = await FakePaymentProvider.StartAsync();
        var clock = new ManualClock();
        await using var host = await WebHost.StartAsync(provider, fake.Settings(), clock: clock);
        var email = $"late-{Guid.NewGuid():N}@example.com";
        var tenantId = Guid.Parse((await SignupAsync(host, email: email)).Text("tenantId"));
        clock.Advance(TimeSpan.FromDays(15)); // the trial is over: only the subscription keeps the business off Free
        var t0 = clock.GetUtcNow();
        var subscription = SubscriptionObject("sub_5", "cus_5", "active", BasicMonthly, tenantId, t0.AddMonths(1));

        // The update (sent later) arrives before the creation (sent earlier): the creation is stale and changes nothing.
        await DeliverAsync(host.Client, Event("evt_b", "customer.subscription.updated", t0.AddSeconds(10), subscription), t0);
        var stale = await (await DeliverAsync(host.Client, Event("evt_a", "customer.subscription.created", t0, SubscriptionObject("sub_5", "cus_5", "incomplete", BasicMonthly, tenantId, t0.AddMonths(1))), t0)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("stale", stale.Text("outcome"), StringComparison.Ordinal);
        var token = await Relogin(host, email);
        Assert.Equal("basic", (await PlanTests.UsageAsync(host, token)).GetProperty("plan").Text("code"));

        // A payment fails: the plan holds through the 7-day grace period, then the business is on Free.
        await DeliverAsync(host.Client, Event("evt_c", "invoice.payment_failed", t0.AddDays(1), new { id = "in_1", customer = "cus_5", subscription = "sub_5" }), t0);
        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(23));
        token = await Relogin(host, email);
        var usage = await PlanTests.UsageAsync(host, token);
        Assert.Equal("basic", usage.GetProperty("plan").Text("code"));
        Assert.Equal(t0.AddDays(8).UtcDateTime, usage.GetProperty("paymentGraceEndsAt").GetDateTime().ToUniversalTime());
        clock.Advance(TimeSpan.FromHours(1));
        token = await Relogin(host, email);
        Assert.Equal("free", (await PlanTests.UsageAsync(host, token)).GetProperty("plan").Text("code"));

        // Paying the invoice restores the plan; a late duplicate of the failure changes nothing.
        var late = clock.GetUtcNow();
        await DeliverAsync(host.Client, Event("evt_d", "invoice.paid", late, new { id = "in_1", customer = "cus_5", subscription = "sub_5" }), late);
        await DeliverAsync(host.Client, Event("evt_c", "invoice.payment_failed", t0.AddDays(1), new { id = "in_1", customer = "cus_5", subscription = "sub_5" }), late);
        Assert.Equal("basic", (await PlanTests.UsageAsync(host, token)).GetProperty("plan").Text("code"));

        // Deleted: back to Free, and a stale "updated" sent before the deletion cannot revive it.
        await DeliverAsync(host.Client, Event("evt_e", "customer.subscription.deleted", late.AddSeconds(5), SubscriptionObject("sub_5", "cus_5", "canceled", BasicMonthly, tenantId, late)), late);
        await DeliverAsync(host.Client, Event("evt_f", "customer.subscription.updated", late.AddSeconds(1), subscription), late);
        Assert.Equal("free", (await PlanTests.UsageAsync(host, token)).GetProperty("plan").Text("code"));
    }

    private static Task<string> Relogin(WebHost host, string email) => PlanTests.LoginTokenAsync(host, email);
}
