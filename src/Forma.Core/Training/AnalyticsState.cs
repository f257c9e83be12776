using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// Per athlete: from which day the stored load series and PR feed are stale, and whether a refresh is already
/// queued — so a bulk import of a thousand activities queues one refresh, not a thousand.
/// </summary>
public sealed class AnalyticsState : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid AthleteId { get; private set; }
    public DateOnly? StaleFrom { get; private set; }
    public bool RefreshQueued { get; private set; }

    private AnalyticsState()
    {
    }

    public static AnalyticsState Create(Guid tenantId, Guid athleteId) => new() { TenantId = tenantId, AthleteId = athleteId };
}
