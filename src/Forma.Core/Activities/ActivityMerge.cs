using System.Text.Json;
using Forma.Core.Tenancy;

namespace Forma.Core.Activities;

/// <summary>
/// One activity merged into another by deduplication: which recordings moved, so the merge can be undone
/// exactly (the absorbed activity comes back with its own id, name and recordings).
/// </summary>
public sealed class ActivityMerge : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public Guid TargetActivityId { get; private set; }
    public Guid AbsorbedActivityId { get; private set; }

    /// <summary>JSON array of the recording ids that moved from the absorbed activity to the target.</summary>
    public string RecordingIds { get; private set; } = "[]";
    public Guid? CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? UndoneAt { get; private set; }

    private ActivityMerge()
    {
    }

    /// <summary>Moves <paramref name="recordings"/> (the absorbed activity's) into the target and records it.</summary>
    public static ActivityMerge Perform(Activity target, Activity absorbed, IReadOnlyList<Recording> recordings, Guid? userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(absorbed);
        ArgumentNullException.ThrowIfNull(recordings);
        absorbed.MergeInto(target);
        foreach (var recording in recordings)
        {
            recording.MoveTo(target);
        }

        return new ActivityMerge
        {
            TenantId = target.TenantId,
            Id = Guid.CreateVersion7(now),
            AthleteId = target.AthleteId,
            TargetActivityId = target.Id,
            AbsorbedActivityId = absorbed.Id,
            RecordingIds = JsonSerializer.Serialize(recordings.Select(r => r.Id)),
            CreatedByUserId = userId,
            CreatedAt = now,
        };
    }

    public IReadOnlyList<Guid> MovedRecordingIds() => JsonSerializer.Deserialize<Guid[]>(RecordingIds) ?? [];

    /// <summary>
    /// Moves the recordings that are still in the target back to the absorbed activity and brings it back.
    /// The target's primary must stay one of its own recordings, so it falls back to one that remains.
    /// </summary>
    public void Undo(Activity target, Activity absorbed, IReadOnlyList<Recording> targetRecordings, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(absorbed);
        ArgumentNullException.ThrowIfNull(targetRecordings);
        if (UndoneAt is not null)
        {
            throw new DomainException("merge-already-undone", "This merge was already undone.");
        }

        if (target.MergedIntoId is not null)
        {
            throw new DomainException("merge-not-last", "The activity this one was merged into has since been merged itself; undo that merge first.");
        }

        var moved = MovedRecordingIds().ToHashSet();
        var back = targetRecordings.Where(r => moved.Contains(r.Id)).ToList();
        var staying = targetRecordings.Where(r => !moved.Contains(r.Id)).ToList();
        if (back.Count == 0 || staying.Count == 0)
        {
            throw new DomainException("merge-changed", "The recordings of this merge have been split or moved since; nothing is left to undo.");
        }

        foreach (var recording in back)
        {
            recording.MoveTo(absorbed);
        }

        absorbed.Unmerge();
        if (back.All(r => r.Id != absorbed.PrimaryRecordingId))
        {
            absorbed.SetPrimary(back[0]);
        }

        if (staying.All(r => r.Id != target.PrimaryRecordingId))
        {
            target.SetPrimary(staying[0]);
        }

        UndoneAt = now;
    }
}
