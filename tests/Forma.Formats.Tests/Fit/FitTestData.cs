using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

/// <summary>Shared helpers for reading decoded activities in tests.</summary>
internal static class FitTestData
{
    /// <summary>Seconds between 0001-01-01 (Go's time ext) and the FIT epoch 1989-12-31.</summary>
    public const long GoExtToFit = 62766662400;

    /// <summary>FIT date_time zero: 1989-12-31T00:00:00Z.</summary>
    public static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public static ActivityFile Decode(string relative, FitDecodeOptions? options = null) =>
        FitDecoder.Decode(Fixtures.Bytes(relative), options);

    /// <summary>The stream, or a column of NaN when the activity has none by that name.</summary>
    public static double[] Column(ActivityFile activity, string name) =>
        activity.Streams[name] ?? Enumerable.Repeat(double.NaN, activity.Streams.Count).ToArray();

    /// <summary>Each record's timestamp back in FIT seconds: the start time (or, for device-relative files, <paramref name="relativeOrigin"/>) plus the time stream.</summary>
    public static double[] RawTimes(ActivityFile activity, double relativeOrigin = 0)
    {
        var origin = activity.Metadata.StartTime is { } start
            ? (start - new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds
            : relativeOrigin;
        return [.. Column(activity, StreamNames.Time).Select(t => t + origin)];
    }

    /// <summary>Asserts a decoded value: NaN where the expectation has none, else within <paramref name="tolerance"/>.</summary>
    public static void Near(double? expected, double actual, double tolerance, string what)
    {
        if (expected is null)
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected no value, got {actual}");
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual) <= tolerance, $"{what}: expected {expected}, got {actual}");
    }
}
