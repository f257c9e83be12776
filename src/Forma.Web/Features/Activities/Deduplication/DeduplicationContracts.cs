using System.ComponentModel.DataAnnotations;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>Which part of the library to look at; both ends optional (UTC, <c>to</c> exclusive).</summary>
public sealed record DeduplicationScope(DateTime? From, DateTime? To);

/// <summary>The free first step: how much deduplication would do, without the details.</summary>
public sealed record DeduplicationAnalysis(int ActivitiesScanned, int Groups, int ActivitiesToMerge);

/// <summary>
/// The dry run: given groups (a manual merge) or, when none are given, the groups the analysis finds in the
/// scope. Nothing changes.
/// </summary>
public sealed record DeduplicationDryRunRequest(DateTime? From, DateTime? To, [property: MaxLength(DeduplicationLimits.MaxGroups)] IReadOnlyList<MergeGroupRequest>? Groups);

/// <summary>One merge: the activity that stays and those that join it (their recordings move, they disappear until undone).</summary>
public sealed record MergeGroupRequest(
    [property: Required] Guid? KeepActivityId,
    [property: Required, MinLength(1), MaxLength(DeduplicationLimits.MaxMergesPerGroup)] IReadOnlyList<Guid>? MergeActivityIds);

/// <summary>What one group would become: the activity that stays, those that join it, and the fused result.</summary>
public sealed record MergePreview(
    ActivitySummary Keep,
    IReadOnlyList<ActivitySummary> Merge,
    IReadOnlyList<RecordingInfo> Recordings,
    IReadOnlyDictionary<string, Guid> StreamSources,
    int Samples,
    string? Problem);

public sealed record DeduplicationDryRun(IReadOnlyList<MergePreview> Groups);

public sealed record DeduplicationExecuteRequest([property: Required, MinLength(1), MaxLength(DeduplicationLimits.MaxGroups)] IReadOnlyList<MergeGroupRequest>? Groups);

/// <summary>One group's result: merged (with the merge ids to undo it) or refused with the reason; other groups go on.</summary>
public sealed record MergeOutcome(Guid KeepActivityId, bool Merged, IReadOnlyList<Guid> MergeIds, string? ErrorCode, string? Error);

public sealed record DeduplicationExecution(int Merged, int Refused, IReadOnlyList<MergeOutcome> Groups);

/// <summary>A merge in the athlete's history, undoable until undone.</summary>
public sealed record MergeRecord(Guid Id, Guid TargetActivityId, Guid AbsorbedActivityId, IReadOnlyList<Guid> RecordingIds, DateTime CreatedAt, DateTime? UndoneAt);

public static class DeduplicationLimits
{
    public const int MaxGroups = 500;
    public const int MaxMergesPerGroup = 10;
}
