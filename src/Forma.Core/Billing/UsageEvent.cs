using Forma.Core.Plans;
using Forma.Core.Tenancy;

namespace Forma.Core.Billing;

/// <summary>
/// One metered event: an import of N files, an AI request with its tokens and cost. API calls are only counted
/// (<see cref="UsageCounter"/>): a row per call would cost more than the call.
/// </summary>
public sealed class UsageEvent : ITenantOwned
{
    public const int DetailMaxLength = 500;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public PlanLimit Metric { get; private set; }
    public long Quantity { get; private set; }
    public long? Tokens { get; private set; }

    /// <summary>The provider's cost in millionths of <see cref="Currency"/> units (AI requests).</summary>
    public long? CostMicros { get; private set; }
    public string? Currency { get; private set; }
    public string? Detail { get; private set; }
    public DateTime RecordedAt { get; private set; }

    private UsageEvent()
    {
    }

    public static UsageEvent Record(Guid tenantId, PlanLimit metric, long quantity, string? detail, DateTime now, long? tokens = null, long? costMicros = null, string? currency = null) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        Metric = metric,
        Quantity = quantity,
        Tokens = tokens,
        CostMicros = costMicros,
        Currency = currency,
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail,
        RecordedAt = now,
    };
}
