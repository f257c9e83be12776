using System.Text.Json;
using Forma.Core.Billing;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Billing;

/// <summary>
/// Applies one provider event to the business it belongs to, inside the caller's transaction. Each event carries the
/// object's state when it was sent; an event older than what a subscription already reflects is ignored (reported
/// "stale"), so redeliveries and reordering cannot roll a subscription back. The business's plan is then derived
/// from its standing subscriptions: the biggest plan among them, with a grace period after a failed payment.
/// </summary>
internal sealed class SubscriptionSync(FormaDbContext db, PlanCatalog catalog, BillingOptions options)
{
    public async Task<string> ApplyAsync(Tenant tenant, string type, JsonElement data, DateTime providerTime, DateTime now, CancellationToken cancellationToken)
    {
        string outcome;
        switch (type)
        {
            case "checkout.session.completed":
                if (Text(data, "customer") is { } customer)
                {
                    tenant.LinkBillingCustomer(customer);
                }

                outcome = "customer linked";
                break;
            case "customer.subscription.created" or "customer.subscription.updated" or "customer.subscription.deleted":
                var providerId = Text(data, "id") ?? throw new Core.DomainException("invalid-event", "A subscription event names its subscription.", Subject + ".id");
                var subscription = await FindOrMirrorAsync(tenant, providerId, Text(data, "customer") ?? tenant.BillingCustomerId ?? "", now, cancellationToken);
                var firstLine = EventFields.Object(data, "items", Subject) is { } items ? EventFields.FirstItem(items, "data", Subject + ".items") : null;
                var priceId = firstLine is { } line && EventFields.Object(line, "price", Subject + ".items.data[0]") is { } price
                    ? EventFields.Text(price, "id", Subject + ".items.data[0].price")
                    : null;
                var plan = priceId is null ? null : catalog.ForPrice(priceId)?.Code;
                var periodEnd = EventFields.UnixTime(data, "current_period_end", Subject);
                var cancelAtEnd = data.TryGetProperty("cancel_at_period_end", out var cancel) && cancel.ValueKind == JsonValueKind.True;
                var status = type == "customer.subscription.deleted" ? "canceled" : EventFields.Text(data, "status", Subject, StatusMaxLength) ?? "incomplete";
                outcome = subscription.Apply(status, priceId, plan, periodEnd, cancelAtEnd, providerTime, now)
                    ? $"subscription {subscription.ProviderId} {status}{(plan is null && priceId is not null ? $" (price {priceId} sells no plan)" : "")}"
                    : "stale: a newer state was already applied";
                if (tenant.BillingCustomerId is null && Text(data, "customer") is { } owner)
                {
                    tenant.LinkBillingCustomer(owner);
                }

                break;
            case "invoice.paid" or "invoice.payment_failed":
                if (Text(data, "subscription") is not { } subscriptionId)
                {
                    return "ignored: the invoice belongs to no subscription";
                }

                var billed = await FindOrMirrorAsync(tenant, subscriptionId, Text(data, "customer") ?? "", now, cancellationToken);
                if (type == "invoice.paid")
                {
                    billed.Paid(providerTime, now);
                    outcome = $"subscription {subscriptionId} paid";
                }
                else
                {
                    billed.PaymentFailed(providerTime, now);
                    outcome = $"subscription {subscriptionId} payment failed; grace until {billed.PaymentFailedAt!.Value.AddDays(options.PaymentGraceDays):O}";
                }

                break;
            default:
                return $"ignored: {type} is not handled";
        }

        await DerivePlanAsync(tenant, cancellationToken);
        return outcome;
    }

    /// <summary>The business's plan from its subscriptions as they now stand (the tracked, just-changed ones included).</summary>
    private async Task DerivePlanAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await db.Subscriptions.LoadAsync(cancellationToken);
        var best = db.Subscriptions.Local.Where(s => s.TenantId == tenant.Id && s.Stands && s.Plan is not null)
            .OrderByDescending(s => catalog.Get(s.Plan!).Rank).FirstOrDefault();
        tenant.ApplySubscription(best?.Plan, best?.PaymentFailedAt?.AddDays(options.PaymentGraceDays));
    }

    private async Task<Subscription> FindOrMirrorAsync(Tenant tenant, string providerId, string customerId, DateTime now, CancellationToken cancellationToken)
    {
        var subscription = db.Subscriptions.Local.FirstOrDefault(s => s.ProviderId == providerId)
            ?? await db.Subscriptions.SingleOrDefaultAsync(s => s.ProviderId == providerId, cancellationToken);
        if (subscription is null)
        {
            subscription = Subscription.Mirror(tenant.Id, providerId, customerId, now);
            db.Subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Where the event's object sits in the payload, for naming its fields in a refusal.</summary>
    public const string Subject = "data.object";

    /// <summary>The width of the column a subscription's status is kept in.</summary>
    private const int StatusMaxLength = 40;

    /// <summary>A string field of the event's object (null when absent or not a string); one too long to store is refused.</summary>
    public static string? Text(JsonElement element, string property) => EventFields.Text(element, property, Subject);
}
