namespace Forma.Formats.Tcx;

/// <summary>One TCX &lt;Activity&gt; to write: a session and its laps.</summary>
internal sealed record TcxActivityPlan(ActivitySegment Session, List<TcxLapPlan> Laps);

/// <summary>One &lt;Lap&gt; to write and the rows (sample indices) of its track.</summary>
internal sealed record TcxLapPlan(ActivitySegment Lap, List<int> Rows);

/// <summary>
/// Arranges an activity the way TCX nests it: each session an &lt;Activity&gt;, each lap inside the session it
/// starts in, each timed sample inside the lap it falls in. TCX needs at least one lap per activity, so a
/// session without laps is written as its own single lap, and an activity without sessions as one session of
/// the whole recording. A sample before the first lap belongs to the first; one without a time is left out,
/// since a Trackpoint must have one.
/// </summary>
internal static class TcxLayout
{
    public static List<TcxActivityPlan> Plan(ActivityFile activity, DateTime start)
    {
        var sessions = activity.Sessions.Count > 0
            ? activity.Sessions
            : [new ActivitySegment { StartTime = start, Sport = activity.Metadata.Sport, SubSport = activity.Metadata.SubSport }];
        var plans = sessions.Select(s => new TcxActivityPlan(s, [])).ToList();
        var sessionStarts = Offsets(sessions, start);
        var lapStarts = Offsets(activity.Laps, start);
        for (var i = 0; i < activity.Laps.Count; i++)
        {
            plans[Containing(sessionStarts, lapStarts[i])].Laps.Add(new TcxLapPlan(activity.Laps[i], []));
        }

        foreach (var plan in plans.Where(p => p.Laps.Count == 0))
        {
            plan.Laps.Add(new TcxLapPlan(plan.Session, []));
        }

        var laps = plans.SelectMany(p => p.Laps).ToList();
        var starts = Offsets([.. laps.Select(l => l.Lap)], start);
        var time = activity.Streams[StreamNames.Time] ?? [];
        for (var row = 0; row < time.Length; row++)
        {
            if (!double.IsNaN(time[row]))
            {
                laps[Containing(starts, time[row])].Rows.Add(row);
            }
        }

        return plans;
    }

    /// <summary>Each segment's start in seconds from the activity's; one with no start time continues the one before.</summary>
    private static double[] Offsets(IReadOnlyList<ActivitySegment> segments, DateTime start)
    {
        var offsets = new double[segments.Count];
        var previous = double.NegativeInfinity;
        for (var i = 0; i < segments.Count; i++)
        {
            offsets[i] = previous = segments[i].StartTime is { } t ? (t - start).TotalSeconds : previous;
        }

        return offsets;
    }

    /// <summary>The last segment starting at or before <paramref name="at"/>; the first when none does.</summary>
    private static int Containing(double[] starts, double at)
    {
        var found = 0;
        for (var i = 0; i < starts.Length && starts[i] <= at; i++)
        {
            found = i;
        }

        return found;
    }
}
