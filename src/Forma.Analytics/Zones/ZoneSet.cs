namespace Forma.Analytics.Zones;

/// <summary>
/// Contiguous zones over one stream. <see cref="Kind"/> names the stream the zones read
/// (<see cref="ZoneKinds"/>); <see cref="Model"/> names where the cuts come from
/// (<c>coggan</c>, <c>friel-run</c>, <c>friel-bike</c>, <c>pace</c>, <c>custom</c>).
/// </summary>
public sealed record ZoneSet(string Kind, string Model, IReadOnlyList<Zone> Zones)
{
    /// <summary>The index of the zone holding the value, or -1 below the first zone or for NaN.</summary>
    public int IndexOf(double value)
    {
        for (var i = Zones.Count - 1; i >= 0; i--)
        {
            if (value >= Zones[i].Low)
            {
                return value < Zones[i].High ? i : -1;
            }
        }

        return -1;
    }
}
