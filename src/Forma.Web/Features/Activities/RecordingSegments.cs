using Forma.Core.Activities;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Formats;
using Forma.Web.Features.Activities.Merging;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities;

/// <summary>A recording's sessions and laps, in the file's order.</summary>
public sealed record RecordingSegmentList(IReadOnlyList<ActivitySegment> Sessions, IReadOnlyList<ActivitySegment> Laps)
{
    public static readonly RecordingSegmentList None = new([], []);
}

/// <summary>
/// Sessions and laps are stored when a file is imported and read from the database afterwards. A recording
/// imported before that was stored has them derived once from its original on first read, and stored then.
/// </summary>
internal static class RecordingSegments
{
    /// <summary>Adds the decoded file's sessions and laps to the context, with the recording marked as having them.</summary>
    public static void Add(FormaDbContext db, Recording recording, ActivityFile decoded)
    {
        db.RecordingSegments.AddRange(Rows(recording, decoded));
        recording.MarkSegmentsStored();
    }

    public static async Task<RecordingSegmentList> LoadAsync(FormaDbContext db, BlobStore blobs, Recording recording, CancellationToken cancellationToken)
    {
        if (recording.SegmentsStored)
        {
            var rows = await db.RecordingSegments.AsNoTracking().Where(s => s.RecordingId == recording.Id)
                .OrderBy(s => s.Kind).ThenBy(s => s.Position).ToListAsync(cancellationToken);
            return new(
                rows.Where(s => s.Kind == SegmentKind.Session).Select(ToSegment).ToList(),
                rows.Where(s => s.Kind == SegmentKind.Lap).Select(ToSegment).ToList());
        }

        var decoded = ActivityStreams.Original(blobs, recording);
        await BackfillAsync(db, recording, decoded, cancellationToken);
        return new(decoded.Sessions, decoded.Laps);
    }

    /// <summary>
    /// Stores them in a transaction of its own that first claims the recording (flag false → true): of two
    /// readers filling the same recording at once, only the one whose update matched inserts the rows.
    /// </summary>
    private static async Task BackfillAsync(FormaDbContext db, Recording recording, ActivityFile decoded, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Recordings.Where(r => r.Id == recording.Id && !r.SegmentsStored)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SegmentsStored, true), cancellationToken);
        if (claimed == 1)
        {
            var rows = Rows(recording, decoded).ToList();
            db.RecordingSegments.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<RecordingSegment> Rows(Recording recording, ActivityFile decoded) =>
        decoded.Sessions.Select((s, i) => RecordingSegment.Create(recording, SegmentKind.Session, i, ToFacts(s)))
            .Concat(decoded.Laps.Select((l, i) => RecordingSegment.Create(recording, SegmentKind.Lap, i, ToFacts(l))));

    private static SegmentFacts ToFacts(ActivitySegment s) => new(s.StartTime, s.ElapsedTime, s.TimerTime, s.Distance, s.Sport, s.SubSport,
        s.AverageSpeed, s.MaxSpeed, s.AverageHeartRate, s.MaxHeartRate, s.AverageCadence, s.AveragePower, s.MaxPower, s.TotalAscent, s.TotalDescent, s.Calories);

    private static ActivitySegment ToSegment(RecordingSegment row)
    {
        var f = row.Facts();
        return new ActivitySegment
        {
            StartTime = f.StartTime,
            ElapsedTime = f.ElapsedTime,
            TimerTime = f.TimerTime,
            Distance = f.Distance,
            Sport = f.Sport,
            SubSport = f.SubSport,
            AverageSpeed = f.AverageSpeed,
            MaxSpeed = f.MaxSpeed,
            AverageHeartRate = f.AverageHeartRate,
            MaxHeartRate = f.MaxHeartRate,
            AverageCadence = f.AverageCadence,
            AveragePower = f.AveragePower,
            MaxPower = f.MaxPower,
            TotalAscent = f.TotalAscent,
            TotalDescent = f.TotalDescent,
            Calories = f.Calories,
        };
    }
}
