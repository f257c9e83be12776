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

    public void Restore() => DeletedAt = null;
}
