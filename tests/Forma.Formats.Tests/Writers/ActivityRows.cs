namespace Forma.Formats.Tests.Writers;

/// <summary>Builds the activity a lossy writer is expected to give back: some rows only, some streams only.</summary>
internal static class ActivityRows
{
    public static ActivityFile Where(ActivityFile activity, Func<SampleStreams, int, bool> keep)
    {
        var rows = Enumerable.Range(0, activity.Streams.Count).Where(i => keep(activity.Streams, i)).ToArray();
        var streams = activity.Streams.All.ToDictionary(s => s.Key, s => rows.Select(i => s.Value[i]).ToArray());
        return activity with { Streams = new SampleStreams(rows.Length, streams) };
    }

    public static bool HasPosition(SampleStreams s, int row) =>
        s[StreamNames.Latitude] is { } lat && !double.IsNaN(lat[row]) && s[StreamNames.Longitude] is { } lon && !double.IsNaN(lon[row]);

    public static bool HasTime(SampleStreams s, int row) => s[StreamNames.Time] is { } time && !double.IsNaN(time[row]);

    /// <summary>The streams of <paramref name="names"/> the activity has.</summary>
    public static string[] Present(ActivityFile activity, params string[] names) => [.. names.Where(activity.Streams.Has)];
}
