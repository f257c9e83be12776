using Forma.Core.Activities;
using Forma.Formats;

namespace Forma.Analytics.Merging;

/// <summary>
/// One set of streams from several recordings of one workout, each stream from its best source: heart rate
/// from a chest strap over an optical sensor, power from a power meter over a trainer's estimate, position
/// (latitude and longitude together) and everything else from the recording with the most valid samples —
/// resampled onto the primary recording's clock (nearest sample within 2 s). A better sensor wins only when
/// it recorded at least half as many samples as the fullest source (a strap that dropped out for most of the
/// ride loses to the wrist). The chosen source of every stream is reported, so a coach can see where each
/// number came from.
/// </summary>
public static class StreamFusion
{
    private const double AlignTolerance = 2;
    private const double MinShareForBetterSensor = 0.5;

    public static (SampleStreams Streams, IReadOnlyDictionary<string, Guid> Sources) Fuse(TimedStreams primary, IReadOnlyList<TimedStreams> others)
    {
        var all = new List<TimedStreams> { primary };
        all.AddRange(others);
        var names = all.SelectMany(r => r.Streams.Names).Where(n => n != StreamNames.Time && n != StreamNames.Longitude).Distinct(StringComparer.Ordinal);
        var fused = new Dictionary<string, double[]>(StringComparer.Ordinal) { [StreamNames.Time] = primary.Streams[StreamNames.Time] ?? new double[primary.Streams.Count] };
        var sources = new Dictionary<string, Guid>(StringComparer.Ordinal) { [StreamNames.Time] = primary.RecordingId };
        foreach (var name in names)
        {
            var best = BestSource(all, primary, name);
            var linked = name == StreamNames.Latitude ? new[] { StreamNames.Latitude, StreamNames.Longitude } : [name];
            foreach (var stream in linked)
            {
                if (best.Streams[stream] is { } values)
                {
                    fused[stream] = best == primary ? values : Resample(best, values, primary);
                    sources[stream] = best.RecordingId;
                }
            }
        }

        return (new SampleStreams(primary.Streams.Count, fused), sources);
    }

    /// <summary>Better sensor first among sources with enough samples, then more samples; ties go to the primary (no resampling).</summary>
    private static TimedStreams BestSource(List<TimedStreams> all, TimedStreams primary, string name)
    {
        var most = all.Max(r => r.ValidCount(name));
        return all.Where(r => r.ValidCount(name) >= most * MinShareForBetterSensor)
            .MaxBy(r => (SensorRank(r, name), r.ValidCount(name), r == primary ? 1 : 0))!;
    }

    private static int SensorRank(TimedStreams recording, string name) => name switch
    {
        StreamNames.HeartRate => recording.HeartRateSensor switch
        {
            Sensors.ChestStrap => 2,
            Sensors.Optical => 0,
            _ => 1,
        },
        StreamNames.Power => recording.PowerSensor == Sensors.PowerMeter ? 2 : 1,
        _ => 0,
    };

    private static double[] Resample(TimedStreams source, double[] values, TimedStreams onto)
    {
        var result = new double[onto.Streams.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var j = source.Nearest(onto.At(i), AlignTolerance);
            result[i] = j >= 0 ? values[j] : double.NaN;
        }

        return result;
    }
}
