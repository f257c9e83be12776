using Forma.Analytics.Merging;
using Forma.Core.Activities;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Web.Features.Activities.Merging;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>Activities of one athlete that are the same workout, with the one that stays (the first imported) first.</summary>
internal sealed record DuplicateGroup(Activity Keep, IReadOnlyList<Activity> Merge);

/// <summary>
/// Finds the workouts an athlete's library holds more than once — recorded by two devices and imported as
/// two activities before multi-device merge existed, or imported from two exports — with the same rule the
/// import applies (<see cref="SameWorkout"/>). A sweep over activities ordered by start time compares each
/// only with those starting within the tolerance, so a library of thousands reads few streams.
/// </summary>
internal sealed class DuplicateFinder(FormaDbContext db, BlobStore blobs)
{
    /// <summary>The most activities one analysis reads; a bigger library is analysed a date range at a time.</summary>
    public const int MaxActivities = 20_000;

    public async Task<(int Scanned, IReadOnlyList<DuplicateGroup> Groups)?> FindAsync(Guid athleteId, DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        var query = db.Activities.AsNoTracking().Counting().Where(a => a.AthleteId == athleteId);
        if (from is { } start)
        {
            query = query.Where(a => a.StartTime >= start);
        }

        if (to is { } end)
        {
            query = query.Where(a => a.StartTime < end);
        }

        var rows = await query.Join(db.Recordings.AsNoTracking(), a => a.PrimaryRecordingId, r => r.Id, (a, r) => new { Activity = a, Primary = r })
            .OrderBy(x => x.Activity.StartTime).Take(MaxActivities + 1).ToListAsync(cancellationToken);
        if (rows.Count > MaxActivities)
        {
            return null;
        }

        var streams = new Dictionary<Guid, TimedStreams>();
        TimedStreams StreamsOf(Recording r) => streams.TryGetValue(r.Id, out var s) ? s : streams[r.Id] = ActivityStreams.Timed(blobs, r);

        var sets = new DisjointSets(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var a = rows[i].Primary;
            for (var j = i + 1; j < rows.Count && rows[j].Activity.StartTime - rows[i].Activity.StartTime <= SameWorkout.StartTolerance; j++)
            {
                var b = rows[j].Primary;
                if (sets.Find(i) != sets.Find(j) && SameWorkout.Test(a.Sport, a.StartTime, a.Duration, StreamsOf(a), b.Sport, b.StartTime, b.Duration, StreamsOf(b)))
                {
                    sets.Union(i, j);
                }
            }
        }

        var groups = Enumerable.Range(0, rows.Count).GroupBy(sets.Find).Where(g => g.Count() > 1)
            .Select(g => g.Select(i => rows[i].Activity).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList())
            .Select(members => new DuplicateGroup(members[0], members.Skip(1).ToList()))
            .OrderBy(g => g.Keep.StartTime).ToList();
        return (rows.Count, groups);
    }

    /// <summary>Union-find over row indices: which activities have been linked into one workout so far.</summary>
    private sealed class DisjointSets(int count)
    {
        private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Union(int a, int b) => _parent[Find(b)] = Find(a);
    }
}
