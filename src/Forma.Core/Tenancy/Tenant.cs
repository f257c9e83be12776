using Forma.Core.Plans;

namespace Forma.Core.Tenancy;

/// <summary>A business using Forma. Not tenant-owned itself: it is the root every tenant-owned row hangs from.</summary>
public sealed class Tenant
{
    public Guid Id { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string Slug { get; private set; } = "";

    /// <summary>The plan code (free, basic, pro, enterprise); plans themselves are data, defined elsewhere.</summary>
    public string Plan { get; private set; } = "";
    public TenantStatus Status { get; private set; }

    /// <summary>IANA time zone id, e.g. <c>Europe/Berlin</c>; schedules and reports follow it.</summary>
    public string TimeZone { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the trial of <see cref="Plan"/> ends; null when the tenant is not on a trial.</summary>
    public DateTime? TrialEndsAt { get; private set; }

    /// <summary>The plan a paid subscription grants while it stands (mirrored from the payment provider); null without one.</summary>
    public string? SubscriptionPlan { get; private set; }

    /// <summary>After a failed payment, the subscription's plan holds until this moment, then the business falls to Free.</summary>
    public DateTime? PaymentGraceEndsAt { get; private set; }

    /// <summary>The payment provider's customer id, which its events name; set by the first completed checkout.</summary>
    public string? BillingCustomerId { get; private set; }

    /// <summary>Owners, admins and coaches must use a second factor: without one, a session may only enrol it.</summary>
    public bool RequireStaffMfa { get; private set; }

    /// <summary>When the owner closed the business; its data is purged <see cref="ClosedRetention"/> later.</summary>
    public DateTime? ClosedAt { get; private set; }

    /// <summary>How long a closed business's data is kept (so a mistaken closure can be undone) before it is purged.</summary>
    public static readonly TimeSpan ClosedRetention = TimeSpan.FromDays(30);

    public DateTime? PurgeAfter => ClosedAt + ClosedRetention;

    private Tenant()
    {
    }

    public void SetRequireStaffMfa(bool required) => RequireStaffMfa = required;

    public void Close(DateTime now)
    {
        Status = TenantStatus.Closed;
        ClosedAt ??= now;
    }

    /// <summary>Undoes a closure within the retention period (an operator action).</summary>
    public void Reopen()
    {
        Status = TenantStatus.Active;
        ClosedAt = null;
    }

    /// <summary>The length of the trial a new business gets.</summary>
    public static readonly TimeSpan TrialLength = TimeSpan.FromDays(14);

    /// <summary>Puts the tenant on a trial of <paramref name="plan"/> that ends <see cref="TrialLength"/> from <paramref name="now"/>.</summary>
    public void StartTrial(string plan, DateTime now)
    {
        Plan = plan;
        TrialEndsAt = now + TrialLength;
    }

    /// <summary>What decides the plan in force (see <see cref="PlanState.CodeAt"/>).</summary>
    public PlanState PlanState => new(Plan, TrialEndsAt, SubscriptionPlan, PaymentGraceEndsAt);

    public void LinkBillingCustomer(string customerId) => BillingCustomerId = customerId;

    /// <summary>Mirrors the provider's subscription: the plan it grants (null once it ended) and any payment grace.</summary>
    public void ApplySubscription(string? plan, DateTime? graceEndsAt)
    {
        SubscriptionPlan = plan;
        PaymentGraceEndsAt = plan is null ? null : graceEndsAt;
    }

    public static Tenant Create(string displayName, TenantSlug slug, string plan, string timeZone, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(slug);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200)
        {
            throw new DomainException("invalid-display-name", "A business name has 1 to 200 characters.", "businessName");
        }

        return new Tenant
        {
            Id = Guid.CreateVersion7(createdAt),
            DisplayName = displayName.Trim(),
            Slug = slug.Value,
            Plan = plan,
            Status = TenantStatus.Active,
            TimeZone = TimeZones.Require(timeZone, "timeZone"),
            CreatedAt = createdAt,
        };
    }
}
