using Forma.Formats;

namespace Forma.Web.Features.Activities.Merging;

/// <summary>
/// One set of streams from several recordings of one workout: each stream comes from the recording that has
/// the most valid samples of it — power from the power meter's recording, heart rate from whichever device
/// recorded it throughout, position (latitude and longitude together) from the device with the most fixes —
/// resampled onto the primary recording's clock (nearest sample within 2 s). The chosen source of every
/// stream is reported, so a coach can see where each number came from. (The files do not say whether heart
/// rate came from a chest strap or an optical sensor, so "most valid samples" stands in for "best sensor".)
/// </summary>
internal static class StreamFusion
{
    private const double AlignTolerance = 2;

    public static (SampleStreams Streams, IReadOnlyDictionary<string, Guid> Sources) Fuse(TimedStreams primary, IReadOnlyList<TimedStreams> others)
    {
        var all = new List<TimedStreams> { primary };
        all.AddRange(others);
        var names = all.SelectMany(r => r.Streams.Names).Where(n => n != StreamNames.Time && n != StreamNames.Longitude).Distinct(StringComparer.Ordinal);
        var fused = new Dictionary<string, double[]>(StringComparer.Ordinal) { [StreamNames.Time] = primary.Streams[StreamNames.Time] ?? new double[primary.Streams.Count] };
        var sources = new Dictionary<string, Guid>(StringComparer.Ordinal) { [StreamNames.Time] = primary.RecordingId };
        foreach (var name in names)
        {
            // Ties go to the primary: no resampling when it is as good as any.
            var best = all.MaxBy(r => (r.ValidCount(name), r == primary ? 1 : 0))!;
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
