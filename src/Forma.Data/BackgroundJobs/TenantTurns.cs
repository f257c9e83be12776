namespace Forma.Data.BackgroundJobs;

/// <summary>
/// The tenants this worker served last, most recent first, so its next claim can go to a tenant that has
/// waited longest (round-robin) instead of to the oldest job (global FIFO, where one tenant's backlog of
/// thousands delays every other tenant's single file). It is only a preference passed to the claim query:
/// losing it on a restart costs one round of fairness, and each instance keeps its own, which is enough
/// because a tenant none of them served recently comes first for all of them.
/// </summary>
public sealed class TenantTurns
{
    /// <summary>Stands for jobs of no tenant (platform housekeeping), which take turns like a tenant.</summary>
    public static readonly Guid Platform = Guid.Empty;

    /// <summary>More tenants than this in the list would lengthen the claim query for little gain: a tenant that drops out counts as unserved, which is first.</summary>
    private const int Remembered = 32;

    private readonly Lock _gate = new();
    private readonly LinkedList<Guid> _recent = new();

    public void Served(Guid? tenantId)
    {
        var key = tenantId ?? Platform;
        lock (_gate)
        {
            _recent.Remove(key);
            _recent.AddFirst(key);
            if (_recent.Count > Remembered)
            {
                _recent.RemoveLast();
            }
        }
    }

    /// <summary>Most recently served first.</summary>
    public IReadOnlyList<Guid> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }
}
