using System.Text.Json;
using Forma.Analytics.Physiology;
using Forma.Analytics.Zones;
using Forma.Core.Training;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>The zones an activity is analysed with: the model zones its thresholds give, each kind replaced by the athlete's own zones when set.</summary>
internal static class AthleteZones
{
    public static async Task<IReadOnlyList<ZoneSet>> ForAsync(FormaDbContext db, Guid athleteId, Thresholds thresholds, string sport, CancellationToken cancellationToken)
    {
        var custom = await db.CustomZones.AsNoTracking().Where(z => z.AthleteId == athleteId).ToListAsync(cancellationToken);
        var sets = ZoneModels.For(thresholds, sport).Where(s => custom.All(c => c.Kind != s.Kind)).ToList();
        sets.AddRange(custom.Select(ToZoneSet));
        return sets;
    }

    public static ZoneSet ToZoneSet(CustomZones zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var boundaries = JsonSerializer.Deserialize<double[]>(zones.Boundaries) ?? [];
        var names = zones.Names is null ? null : JsonSerializer.Deserialize<string[]>(zones.Names);
        return ZoneModels.Custom(zones.Kind, boundaries, names);
    }
}
