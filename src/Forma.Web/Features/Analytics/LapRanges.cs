using Forma.Formats;

namespace Forma.Web.Features.Analytics;

/// <summary>Turns the laps a device wrote (start time and elapsed time) into row ranges of the activity's streams.</summary>
internal static class LapRanges
{
    public static IReadOnlyList<(int From, int To)> Of(IReadOnlyList<ActivitySegment> laps, DateTime recordingStart, double[] time)
    {
        var ranges = new List<(int, int)>();
        // The recording starts at its first timed sample, which need not be time 0 of the stream.
        var origin = time.FirstOrDefault(double.IsFinite);
        foreach (var lap in laps)
        {
            if (lap.StartTime is not { } start || (lap.ElapsedTime ?? lap.TimerTime) is not { } elapsed)
            {
                continue;
            }

            var from = origin + (start - recordingStart).TotalSeconds;
            var first = LowerBound(time, from);
            var end = LowerBound(time, from + elapsed);
            if (end > first)
            {
                ranges.Add((first, end));
            }
        }

        return ranges;
    }

    /// <summary>The first row at or after <paramref name="seconds"/> (times ascend; gaps are skipped).</summary>
    private static int LowerBound(double[] time, double seconds)
    {
        for (var i = 0; i < time.Length; i++)
        {
            if (time[i] >= seconds)
            {
                return i;
            }
        }

        return time.Length;
    }
}
