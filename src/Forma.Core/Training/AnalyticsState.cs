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

    /// <summary>Stale from <paramref name="day"/> (or earlier, if already so); true when a refresh must be queued.</summary>
    public bool MarkStale(DateOnly day)
    {
        StaleFrom = StaleFrom is { } from && from < day ? from : day;
        if (RefreshQueued)
        {
            return false;
        }

        RefreshQueued = true;
        return true;
    }

    /// <summary>The refresh takes the stale range; what goes stale after this queues a new refresh.</summary>
    public DateOnly? TakeStaleFrom()
    {
        var from = StaleFrom;
        StaleFrom = null;
        RefreshQueued = false;
        return from;
    }
}
