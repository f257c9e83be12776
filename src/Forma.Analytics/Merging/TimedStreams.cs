using Forma.Formats;

namespace Forma.Analytics.Merging;

/// <summary>A recording's streams placed on the clock: sample i happened at <see cref="At"/>(i).</summary>
public sealed class TimedStreams(Guid recordingId, DateTime startTime, SampleStreams streams)
{
    private readonly double[] _time = streams[StreamNames.Time] ?? [];
    private readonly double _firstTime = FirstFinite(streams[StreamNames.Time] ?? []);

    public Guid RecordingId { get; } = recordingId;
    public SampleStreams Streams { get; } = streams;

    /// <summary>The sensor behind the heart-rate stream (<c>Sensors</c> names), when the file said.</summary>
    public string? HeartRateSensor { get; init; }

    /// <summary>The sensor behind the power stream, when the file said.</summary>
    public string? PowerSensor { get; init; }

    /// <summary>Seconds since the Unix epoch of sample <paramref name="index"/>; NaN when it has no time.</summary>
    public double At(int index) => (startTime - DateTime.UnixEpoch).TotalSeconds + _time[index] - _firstTime;

    /// <summary>The sample nearest to <paramref name="epochSeconds"/> within <paramref name="tolerance"/> seconds, or -1. Times are ascending.</summary>
    public int Nearest(double epochSeconds, double tolerance)
    {
        int low = 0, high = _time.Length - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (At(mid) < epochSeconds)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var best = -1;
        var bestGap = tolerance;
        foreach (var candidate in new[] { low - 1, low })
        {
            if (candidate >= 0 && candidate < _time.Length && Math.Abs(At(candidate) - epochSeconds) is var gap && gap <= bestGap)
            {
                best = candidate;
                bestGap = gap;
            }
        }

        return best;
    }

    /// <summary>Samples with a finite value in <paramref name="name"/> (both coordinates for position).</summary>
    public int ValidCount(string name)
    {
        var values = Streams[name];
        if (values is null)
        {
            return 0;
        }

        var longitude = name == StreamNames.Latitude ? Streams[StreamNames.Longitude] : null;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]) && (longitude is null || double.IsFinite(longitude[i])))
            {
                count++;
            }
        }

        return count;
    }

    private static double FirstFinite(double[] values)
    {
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                return value;
            }
        }

        return 0;
    }
}
