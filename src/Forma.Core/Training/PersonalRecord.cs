using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// An activity that beat the athlete's best so far in one category: the PR feed. Rebuilt from the stored
/// bests in time order whenever an activity is analysed, deleted or merged, so it never lists a PR from an
/// activity that no longer counts.
/// </summary>
public sealed class PersonalRecord : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Key { get; private set; } = "";
    public double Value { get; private set; }
    public double? PreviousValue { get; private set; }
    public DateTime AchievedAt { get; private set; }

    private PersonalRecord()
    {
    }

    public static PersonalRecord Create(ActivityBest best, double? previous, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(best);
        return new PersonalRecord
        {
            TenantId = best.TenantId,
            Id = Guid.CreateVersion7(now),
            AthleteId = best.AthleteId,
            ActivityId = best.ActivityId,
            Key = best.Key,
            Value = best.Value,
            PreviousValue = previous,
            AchievedAt = best.AchievedAt,
        };
    }
}
