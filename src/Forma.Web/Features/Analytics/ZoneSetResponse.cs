using Forma.Analytics.Zones;

namespace Forma.Web.Features.Analytics;

/// <summary>A zone as the API shows it: the top zone has no upper bound (<c>high</c> null).</summary>
public sealed record ZoneResponse(string Name, double Low, double? High);

public sealed record ZoneSetResponse(string Kind, string Model, IReadOnlyList<ZoneResponse> Zones)
{
    public static ZoneSetResponse From(ZoneSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Kind, set.Model, set.Zones.Select(z => new ZoneResponse(z.Name, z.Low, double.IsFinite(z.High) ? z.High : null)).ToList());
    }
}
