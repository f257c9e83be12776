namespace Forma.Formats.Tcx;

/// <summary>
/// TCX has no session summary, only laps; a session's totals are the sums of its laps, its maxima the lap
/// maxima, and its averages the lap averages weighted by each lap's timer time.
/// </summary>
internal static class TcxSessions
{
    public static ActivitySegment Summarise(TcxActivity activity)
    {
        var laps = activity.Laps;
        var timer = Sum(laps, l => l.TimerTime);
        var distance = Sum(laps, l => l.Distance);
        return new ActivitySegment
        {
            StartTime = laps.FirstOrDefault()?.StartTime ?? activity.Id ?? activity.Points.FirstOrDefault(p => p.Time is not null)?.Time,
            TimerTime = timer,
            Distance = distance,
            Sport = activity.Sport,
            AverageSpeed = timer > 0 && distance is not null ? distance / timer : null,
            MaxSpeed = Max(laps, l => l.MaxSpeed),
            AverageHeartRate = Weighted(laps, l => l.AverageHeartRate),
            MaxHeartRate = Max(laps, l => l.MaxHeartRate),
            AverageCadence = Weighted(laps, l => l.AverageCadence),
            AveragePower = Weighted(laps, l => l.AveragePower),
            MaxPower = Max(laps, l => l.MaxPower),
            Calories = Sum(laps, l => l.Calories),
        };
    }

    private static double? Sum(List<ActivitySegment> laps, Func<ActivitySegment, double?> value) =>
        laps.Any(l => value(l) is not null) ? laps.Sum(l => value(l) ?? 0) : null;

    private static double? Max(List<ActivitySegment> laps, Func<ActivitySegment, double?> value) => laps.Max(value);

    /// <summary>Σ(value × timer) / Σ timer over the laps that have both; null when none has.</summary>
    private static double? Weighted(List<ActivitySegment> laps, Func<ActivitySegment, double?> value)
    {
        var weighted = laps.Where(l => value(l) is not null && l.TimerTime > 0).ToList();
        var time = weighted.Sum(l => l.TimerTime!.Value);
        return time > 0 ? weighted.Sum(l => value(l)!.Value * l.TimerTime!.Value) / time : null;
    }
}
