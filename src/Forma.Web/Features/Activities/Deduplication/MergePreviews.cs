using Forma.Analytics.Merging;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Web.Features.Activities.Merging;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>
/// What a merge would produce, computed exactly as the merged activity will be read afterwards: every
/// recording of the group fused onto the kept activity's primary (<see cref="StreamFusion"/>), with the
/// source of each stream — so the dry run shows the result, not a guess.
/// </summary>
internal static class MergePreviews
{
    public static async Task<MergePreview> BuildAsync(FormaDbContext db, BlobStore blobs, CheckedGroup group, CancellationToken cancellationToken)
    {
        var keep = group.Keep!;
        var ids = group.Merge.Select(m => m.Id).Append(keep.Id).ToList();
        var recordings = await db.Recordings.AsNoTracking().Where(r => ids.Contains(r.ActivityId)).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var primary = recordings.FirstOrDefault(r => r.Id == keep.PrimaryRecordingId) ?? recordings.First(r => r.ActivityId == keep.Id);
        var others = recordings.Where(r => r.Id != primary.Id).Select(r => ActivityStreams.Timed(blobs, r)).ToList();
        var (streams, sources) = StreamFusion.Fuse(ActivityStreams.Timed(blobs, primary), others);
        var infos = recordings.Select(r => RecordingInfo.From(r, r.Id == primary.Id)).ToList();
        return new MergePreview(ActivitySummary.From(keep), group.Merge.Select(ActivitySummary.From).ToList(), infos, sources, streams.Count, null);
    }
}
