using Forma.Analytics.Merging;
using Forma.Core.Activities;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Formats;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Merging;

/// <summary>An activity's streams: its primary recording's, fused with the other recordings of the same workout when there are any.</summary>
internal static class ActivityStreams
{
    public static async Task<(SampleStreams Streams, IReadOnlyDictionary<string, Guid> Sources)?> LoadAsync(FormaDbContext db, BlobStore blobs, Activity activity, CancellationToken cancellationToken)
    {
        var recordings = await db.Recordings.AsNoTracking().Where(r => r.ActivityId == activity.Id).ToListAsync(cancellationToken);
        var primary = recordings.FirstOrDefault(r => r.Id == activity.PrimaryRecordingId);
        if (primary is null)
        {
            return null;
        }

        var others = recordings.Where(r => r.Id != primary.Id).Select(r => Timed(blobs, r)).ToList();
        return StreamFusion.Fuse(Timed(blobs, primary), others);
    }

    /// <summary>
    /// The recording's original file decoded again — for its sessions, laps and device, which are read from the
    /// original each time (milliseconds) so the original stays the single source of truth.
    /// </summary>
    public static ActivityFile Original(BlobStore blobs, Recording recording)
    {
        using var stored = blobs.Open(recording.Sha256);
        return ActivityReader.Read(stored);
    }

    public static TimedStreams Timed(BlobStore blobs, Recording recording)
    {
        using var stored = blobs.Open(recording.StreamsSha256);
        return new TimedStreams(recording.Id, recording.StartTime, StreamCodec.Decode(stored))
        {
            HeartRateSensor = recording.HeartRateSensor,
            PowerSensor = recording.PowerSensor,
        };
    }
}
