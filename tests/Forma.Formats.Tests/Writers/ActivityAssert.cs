namespace Forma.Formats.Tests.Writers;

/// <summary>How finely a format holds a segment's values: half a step of each, the most a written value may move.</summary>
internal sealed record SegmentResolution(double Seconds, double Metres, double Speed, double Whole, TimeSpan StartTime);

/// <summary>Compares an activity with the same activity written and read back, value by value, within what the written format can hold.</summary>
internal static class ActivityAssert
{
    /// <summary>
    /// Same stream names and lengths, and each value equal within <paramref name="resolution"/>(stream, value), NaN
    /// where the original has no value. Times are compared as moments (start time plus the time stream), since
    /// a format that dates only whole seconds may move the start.
    /// </summary>
    public static void StreamsEqual(ActivityFile expected, ActivityFile actual, Func<string, double, double> resolution, IEnumerable<string>? only = null)
    {
        var names = (only ?? expected.Streams.Names).Order(StringComparer.Ordinal).ToList();
        if (only is null)
        {
            Assert.Equal(names, actual.Streams.Names.Order(StringComparer.Ordinal));
        }

        Assert.Equal(expected.Streams.Count, actual.Streams.Count);
        var shift = expected.Metadata.StartTime is { } from && actual.Metadata.StartTime is { } to ? (to - from).TotalSeconds : 0;
        foreach (var name in names)
        {
            var want = expected.Streams[name] ?? throw new Xunit.Sdk.XunitException($"no stream '{name}'");
            var got = actual.Streams[name] ?? throw new Xunit.Sdk.XunitException($"no stream '{name}' after writing");
            if (name == StreamNames.Time)
            {
                got = [.. got.Select(t => t + shift)]; // seconds from the original start
            }

            for (var i = 0; i < want.Length; i++)
            {
                Near(want[i], got[i], resolution(name, want[i]), $"{name}[{i}]");
            }
        }
    }

    public static void SegmentsEqual(IReadOnlyList<ActivitySegment> expected, IReadOnlyList<ActivitySegment> actual, SegmentResolution r)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var what = $"segment {i}";
            Assert.Equal(e.StartTime is null, a.StartTime is null);
            if (e.StartTime is { } start)
            {
                Assert.True((a.StartTime!.Value - start).Duration() <= r.StartTime, $"{what} start {start:o} vs {a.StartTime:o}");
            }

            Assert.Equal((e.Sport, e.SubSport), (a.Sport, a.SubSport));
            Near(e.ElapsedTime, a.ElapsedTime, r.Seconds, $"{what} elapsed");
            Near(e.TimerTime, a.TimerTime, r.Seconds, $"{what} timer");
            Near(e.Distance, a.Distance, r.Metres, $"{what} distance");
            Near(e.AverageSpeed, a.AverageSpeed, r.Speed, $"{what} average speed");
            Near(e.MaxSpeed, a.MaxSpeed, r.Speed, $"{what} max speed");
            Near(e.AverageHeartRate, a.AverageHeartRate, r.Whole, $"{what} average heart rate");
            Near(e.MaxHeartRate, a.MaxHeartRate, r.Whole, $"{what} max heart rate");
            Near(e.AverageCadence, a.AverageCadence, r.Whole, $"{what} cadence");
            Near(e.AveragePower, a.AveragePower, r.Whole, $"{what} average power");
            Near(e.MaxPower, a.MaxPower, r.Whole, $"{what} max power");
            Near(e.TotalAscent, a.TotalAscent, r.Whole, $"{what} ascent");
            Near(e.TotalDescent, a.TotalDescent, r.Whole, $"{what} descent");
            Near(e.Calories, a.Calories, r.Whole, $"{what} calories");
        }
    }

    private static void Near(double? expected, double? actual, double resolution, string what) =>
        Near(expected ?? double.NaN, actual ?? double.NaN, resolution, what);

    /// <summary>Within the resolution, plus a billionth for the arithmetic of scaling there and back.</summary>
    private static void Near(double expected, double actual, double resolution, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        var slack = 1e-9 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= resolution + slack, $"{what}: expected {expected} ± {resolution}, got {actual}");
    }
}
