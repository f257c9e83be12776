using Forma.Core.Plans;
using Forma.Core.Tenancy;

namespace Forma.Core.Billing;

/// <summary>
/// How much of a counted limit a business used in one period (a day or a month in its own time zone). Admission is
/// one conditional upsert, so concurrent requests at the edge of a limit admit exactly what remains.
/// </summary>
public sealed class UsageCounter : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public PlanLimit Metric { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public long Used { get; private set; }

    private UsageCounter()
    {
    }

    /// <summary>A counter row as the admission upsert would create it (tests and imports of history).</summary>
    public static UsageCounter Create(Guid tenantId, PlanLimit metric, DateOnly periodStart, long used) =>
        new() { TenantId = tenantId, Metric = metric, PeriodStart = periodStart, Used = used };
}
