using Forma.Core.Tenancy;

namespace Forma.Core.Activities;

/// <summary>
/// A workout an athlete did, as the platform counts it: one per workout even when several devices recorded
/// it. Its summary comes from the primary recording. Deleting is soft (restorable for 30 days).
/// </summary>
public sealed class Activity : ITenantOwned
{
    public const int NameMaxLength = 200;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public string Sport { get; private set; } = "";
    public string? SubSport { get; private set; }
    public DateTime StartTime { get; private set; }
    public double Duration { get; private set; }
    public double? Distance { get; private set; }
    public string? Name { get; private set; }
    public Guid? PrimaryRecordingId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }

    /// <summary>Set while this activity is merged into another (its recordings moved there); hidden until the merge is undone.</summary>
    public Guid? MergedIntoId { get; private set; }

    private Activity()
    {
    }

    public static Activity FromRecordingFacts(Guid tenantId, Guid athleteId, RecordingFacts facts, string? name, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new Activity
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(now),
            AthleteId = athleteId,
            Sport = facts.Sport[..Math.Min(facts.Sport.Length, Recording.TextMaxLength)],
            SubSport = facts.SubSport?[..Math.Min(facts.SubSport.Length, Recording.TextMaxLength)],
            StartTime = facts.StartTime,
            Duration = facts.Duration,
            Distance = facts.Distance,
            Name = name?[..Math.Min(name.Length, NameMaxLength)],
            CreatedAt = now,
        };
    }

    /// <summary>The recording whose summary the activity shows; its facts become the activity's.</summary>
    public void SetPrimary(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (recording.ActivityId != Id)
        {
            throw new DomainException("recording-not-in-activity", "The primary is one of the activity's own recordings.", "recordingId");
        }

        PrimaryRecordingId = recording.Id;
        Sport = recording.Sport;
        SubSport = recording.SubSport;
        StartTime = recording.StartTime;
        Duration = recording.Duration;
        Distance = recording.Distance;
    }

    public void Delete(DateTime now) => DeletedAt ??= now;

    /// <summary>Hides this activity behind <paramref name="target"/>, which now holds its recordings (a dedup merge).</summary>
    public void MergeInto(Activity target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Id == Id || target.TenantId != TenantId || target.AthleteId != AthleteId)
        {
            throw new DomainException("merge-wrong-activity", "An activity merges only into another activity of the same athlete.", "activityIds");
        }

        if (MergedIntoId is not null || target.MergedIntoId is not null)
        {
            throw new DomainException("already-merged", "One of these activities is already merged into another.", "activityIds");
        }

        MergedIntoId = target.Id;
    }

    /// <summary>Brings the activity back after its merge is undone; its recordings are moved back by the caller.</summary>
    public void Unmerge() => MergedIntoId = null;

    public void Restore() => DeletedAt = null;
}
