using Forma.Analytics.Merging;
using Forma.Core.Activities;
using Forma.Formats;
using FsCheck.Xunit;

namespace Forma.Analytics.Tests.Merging;

/// <summary>Two devices that recorded exactly the same samples must fuse into those samples, whichever source wins.</summary>
public class StreamFusionProperties
{
    [Property(MaxTest = 200)]
    public void FusingARecordingWithItsCopy_GivesTheRecordingBack(int seed, byte length)
    {
        var streams = RandomRecordings.Streams(seed, 1 + length);
        var primary = RandomRecordings.Timed(streams, RandomRecordings.Start);
        var copy = RandomRecordings.Timed(streams, RandomRecordings.Start);

        var (fused, sources) = StreamFusion.Fuse(primary, [copy]);

        AssertSameStreams(streams, fused);
        Assert.All(sources.Values, source => Assert.Equal(primary.RecordingId, source));
    }

    // The copy's better sensors win heart rate and power, so those streams go through resampling onto the primary's
    // clock — which, the clocks being the same, must give every sample back unchanged, gaps included.
    [Property(MaxTest = 200)]
    public void ACopyWithBetterSensors_WinsItsStreams_AndResamplingOntoTheSameClockChangesNothing(int seed, byte length)
    {
        var streams = RandomRecordings.Streams(seed, 1 + length);
        var watch = RandomRecordings.Timed(streams, RandomRecordings.Start, Sensors.Optical, Sensors.Trainer);
        var sensors = RandomRecordings.Timed(streams, RandomRecordings.Start, Sensors.ChestStrap, Sensors.PowerMeter);

        var (fused, sources) = StreamFusion.Fuse(watch, [sensors]);

        AssertSameStreams(streams, fused);
        Assert.Equal(sensors.RecordingId, sources[StreamNames.HeartRate]);
        Assert.Equal(sensors.RecordingId, sources[StreamNames.Power]);
    }

    private static void AssertSameStreams(SampleStreams expected, SampleStreams actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Names.Order(StringComparer.Ordinal), actual.Names.Order(StringComparer.Ordinal));
        foreach (var name in expected.Names)
        {
            Assert.Equal(expected[name], actual[name]);
        }
    }
}
