using Forma.Core.Activities;
using Forma.Formats;

namespace Forma.Web.Features.Activities;

/// <summary>
/// The few numbers an activity list needs, from a decoded file: when it started, how long it ran (first to
/// last sample) and how far (the device's session totals when it wrote them, else the distance stream's last
/// value). Detailed metrics belong to analytics.
/// </summary>
internal sealed record RecordingSummary(DateTime StartTime, double Duration, double? Distance)
{
    public static RecordingSummary? Of(ActivityFile file)
    {
        var time = file.Streams[StreamNames.Time];
        if (file.Metadata.StartTime is not { } start || time is null || !TryRange(time, out var first, out var last))
        {
            return null;
        }

        var sessionDistance = file.Sessions.Sum(s => s.Distance ?? 0);
        double? distance = sessionDistance > 0 ? sessionDistance : LastValue(file.Streams[StreamNames.Distance]);
        return new RecordingSummary(start.AddSeconds(first), last - first, distance);
    }

    public RecordingFacts ToFacts(string sha256, string fileName, string streamsSha256, ActivityFile file) => new(
        sha256, fileName, file.Metadata.Format.ToString().ToLowerInvariant(), file.Metadata.Sport, file.Metadata.SubSport,
        StartTime, Duration, Distance, file.Metadata.Device?.Manufacturer, file.Metadata.Device?.Product, file.Metadata.Device?.SerialNumber,
        file.Streams.Count, streamsSha256,
        file.Streams[StreamNames.HeartRate] is null ? null : RecordingSensors.HeartRate(file.Devices),
        file.Streams[StreamNames.Power] is null ? null : RecordingSensors.Power(file.Devices));

    private static bool TryRange(double[] values, out double first, out double last)
    {
        first = double.NaN;
        last = double.NaN;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                first = double.IsNaN(first) ? value : first;
                last = value;
            }
        }

        return !double.IsNaN(first);
    }

    private static double? LastValue(double[]? values)
    {
        for (var i = (values?.Length ?? 0) - 1; i >= 0; i--)
        {
            if (double.IsFinite(values![i]))
            {
                return values[i];
            }
        }

        return null;
    }
}
