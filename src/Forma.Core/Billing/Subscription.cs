using Forma.Core.Tenancy;

namespace Forma.Core.Billing;

/// <summary>
/// The payment provider's subscription as last seen: its status, the price (hence plan) and period. Events may
/// arrive late, twice or out of order; <see cref="ProviderUpdatedAt"/> (the event's own creation time) keeps an older
/// event from overwriting a newer state.
/// </summary>
public sealed class Subscription : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public string ProviderId { get; private set; } = "";
    public string CustomerId { get; private set; } = "";
    public string Status { get; private set; } = "";
    public string? PriceId { get; private set; }
    public string? Plan { get; private set; }
    public DateTime? CurrentPeriodEnd { get; private set; }
    public bool CancelAtPeriodEnd { get; private set; }
    public DateTime? PaymentFailedAt { get; private set; }
    public DateTime ProviderUpdatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private Subscription()
    {
    }

    public static Subscription Mirror(Guid tenantId, string providerId, string customerId, DateTime now) =>
        new() { TenantId = tenantId, ProviderId = providerId, CustomerId = customerId, Status = "incomplete", UpdatedAt = now };

    /// <summary>Statuses in which the subscription grants its plan (past_due too, within the grace period).</summary>
    public bool Stands => Status is "active" or "trialing" or "past_due";

    /// <summary>Takes the provider's state if it is newer than what is here; false when it was older (ignored).</summary>
    public bool Apply(string status, string? priceId, string? plan, DateTime? periodEnd, bool cancelAtPeriodEnd, DateTime providerTime, DateTime now)
    {
        if (providerTime < ProviderUpdatedAt)
        {
            return false;
        }

        (Status, PriceId, Plan, CurrentPeriodEnd, CancelAtPeriodEnd, ProviderUpdatedAt, UpdatedAt) = (status, priceId ?? PriceId, plan ?? Plan, periodEnd ?? CurrentPeriodEnd, cancelAtPeriodEnd, providerTime, now);
        if (status is "active" or "trialing")
        {
            PaymentFailedAt = null;
        }

        return true;
    }

    /// <summary>An invoice failed: the grace period starts at the first failure and is not extended by retries.</summary>
    public void PaymentFailed(DateTime providerTime, DateTime now)
    {
        PaymentFailedAt ??= providerTime;
        if (providerTime >= ProviderUpdatedAt && Status is "active" or "trialing")
        {
            Status = "past_due";
        }

        UpdatedAt = now;
    }

    /// <summary>An invoice was paid: the subscription stands again (unless a newer event ended it).</summary>
    public void Paid(DateTime providerTime, DateTime now)
    {
        if (providerTime >= ProviderUpdatedAt && Status is "past_due" or "incomplete" or "unpaid")
        {
            Status = "active";
            ProviderUpdatedAt = providerTime;
        }

        if (PaymentFailedAt is { } failed && failed <= providerTime)
        {
            PaymentFailedAt = null;
        }

        UpdatedAt = now;
    }
}
