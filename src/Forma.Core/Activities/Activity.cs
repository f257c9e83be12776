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

    public void SetPrimary(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        PrimaryRecordingId = recording.Id;
    }

    public void Delete(DateTime now) => DeletedAt ??= now;

    public void Restore() => DeletedAt = null;
}
