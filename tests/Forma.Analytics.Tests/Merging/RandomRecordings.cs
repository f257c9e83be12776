using Forma.Analytics.Merging;
using Forma.Formats;

namespace Forma.Analytics.Tests.Merging;

/// <summary>Recordings made up from a seed, for properties that must hold whatever the device wrote.</summary>
internal static class RandomRecordings
{
    public static readonly DateTime Start = new(2026, 5, 1, 7, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// <paramref name="count"/> samples 1–3 s apart (devices record irregularly); heart rate and power with gaps
    /// (NaN) a tenth of the time; a track heading north-east from near (46°, 14.5°) unless <paramref name="withTrack"/> is false.
    /// </summary>
    public static SampleStreams Streams(int seed, int count, bool withTrack = true)
    {
        var random = new Random(seed);
        var time = new double[count];
        for (var i = 1; i < count; i++)
        {
            time[i] = time[i - 1] + random.Next(1, 4);
        }

        var columns = new Dictionary<string, double[]>
        {
            [StreamNames.Time] = time,
            [StreamNames.HeartRate] = time.Select(_ => random.NextDouble() < 0.1 ? double.NaN : random.Next(90, 190)).ToArray(),
            [StreamNames.Power] = time.Select(_ => random.NextDouble() < 0.1 ? double.NaN : random.Next(0, 600)).ToArray(),
        };
        if (withTrack)
        {
            var (lat, lon) = (46 + random.NextDouble() * 0.01, 14.5 + random.NextDouble() * 0.01);
            columns[StreamNames.Latitude] = time.Select(t => lat + t * 0.00002).ToArray();
            columns[StreamNames.Longitude] = time.Select(t => lon + t * 0.00002).ToArray();
        }

        return new SampleStreams(count, columns);
    }

    public static TimedStreams Timed(SampleStreams streams, DateTime start, string? heartRateSensor = null, string? powerSensor = null) =>
        new(Guid.NewGuid(), start, streams) { HeartRateSensor = heartRateSensor, PowerSensor = powerSensor };
}
