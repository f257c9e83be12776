using Forma.Core.Activities;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>A requested merge group checked against the library: the activities, or why it cannot be merged.</summary>
internal sealed record CheckedGroup(Activity? Keep, IReadOnlyList<Activity> Merge, string? ErrorCode, string? Error)
{
    public static CheckedGroup Refused(string code, string error) => new(null, [], code, error);
}

/// <summary>
/// The rules a merge group must meet, for a manual merge as for one the analysis found: distinct activities
/// of this athlete, none deleted or already merged away, each overlapping in time the one that stays (two
/// devices recorded one workout — activities on different days are never merged, even when asked).
/// </summary>
internal static class MergeGroups
{
    public static async Task<CheckedGroup> CheckAsync(FormaDbContext db, Guid athleteId, MergeGroupRequest group, bool track, CancellationToken cancellationToken)
    {
        var keepId = group.KeepActivityId!.Value;
        var mergeIds = group.MergeActivityIds!;
        if (mergeIds.Contains(keepId) || mergeIds.Distinct().Count() != mergeIds.Count)
        {
            return CheckedGroup.Refused("merge-repeats-activity", "Each activity appears once in a group, and the one that stays is not among those that join it.");
        }

        var ids = mergeIds.Append(keepId).ToList();
        var activities = track ? db.Activities : db.Activities.AsNoTracking();
        var found = await activities.Counting().Where(a => ids.Contains(a.Id) && a.AthleteId == athleteId)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        if (ids.FirstOrDefault(id => !found.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            return CheckedGroup.Refused("activity-not-found", $"Activity {missing} is not one of this athlete's current activities (deleted, merged, or another athlete's).");
        }

        var keep = found[keepId];
        var merge = mergeIds.Select(id => found[id]).ToList();
        if (merge.FirstOrDefault(m => Overlap(keep, m) <= 0) is { } apart)
        {
            return CheckedGroup.Refused("merge-no-overlap", $"Activity {apart.Id} does not overlap in time with activity {keep.Id}; only recordings of one workout are merged.");
        }

        return new CheckedGroup(keep, merge, null, null);
    }

    private static double Overlap(Activity a, Activity b)
    {
        var start = a.StartTime > b.StartTime ? a.StartTime : b.StartTime;
        var endA = a.StartTime.AddSeconds(a.Duration);
        var endB = b.StartTime.AddSeconds(b.Duration);
        return ((endA < endB ? endA : endB) - start).TotalSeconds;
    }
}
