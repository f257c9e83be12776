using Forma.Analytics.Physiology;
using Forma.Core.Training;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>An athlete's physiology history, folded into the thresholds valid on a given day.</summary>
internal sealed class AthletePhysiology(IReadOnlyList<PhysiologyEntry> entries)
{
    public static async Task<AthletePhysiology> LoadAsync(FormaDbContext db, Guid athleteId, CancellationToken cancellationToken) =>
        new(await db.PhysiologyEntries.AsNoTracking().Where(p => p.AthleteId == athleteId).OrderBy(p => p.EffectiveFrom).ToListAsync(cancellationToken));

    /// <summary>Each value from the latest entry on or before <paramref name="day"/> that sets it.</summary>
    public PhysiologyValues ValuesOn(DateOnly day)
    {
        var values = new PhysiologyValues();
        foreach (var entry in entries)
        {
            if (entry.EffectiveFrom > day)
            {
                break;
            }

            values = values.OverriddenBy(entry.Values());
        }

        return values;
    }

    public Thresholds On(DateOnly day) => ToThresholds(ValuesOn(day));

    public static Thresholds ToThresholds(PhysiologyValues v) => new()
    {
        FunctionalThresholdPower = v.FunctionalThresholdPower,
        CriticalPower = v.CriticalPower,
        WPrime = v.WPrime,
        ThresholdHeartRate = v.ThresholdHeartRate,
        MaxHeartRate = v.MaxHeartRate,
        RestingHeartRate = v.RestingHeartRate,
        ThresholdSpeed = v.ThresholdSpeed,
        SwimCriticalSpeed = v.SwimCriticalSpeed,
        WeightKg = v.WeightKg,
        Sex = v.Sex switch
        {
            Core.Athletes.Sex.Female => Sex.Female,
            Core.Athletes.Sex.Male => Sex.Male,
            _ => null,
        },
    };
}
