using Forma.Analytics.Merging;
using Forma.Formats;
using FsCheck.Xunit;

namespace Forma.Analytics.Tests.Merging;

public class SameWorkoutProperties
{
    [Property(MaxTest = 200)]
    public void ARecordingAndItsCopy_AreOneWorkout(int seed, byte length, bool withTrack)
    {
        var streams = RandomRecordings.Streams(seed, 2 + length, withTrack);
        var duration = streams[StreamNames.Time]![^1];
        var a = RandomRecordings.Timed(streams, RandomRecordings.Start);
        var b = RandomRecordings.Timed(streams, RandomRecordings.Start);

        Assert.True(SameWorkout.Test("running", RandomRecordings.Start, duration, a, "running", RandomRecordings.Start, duration, b));
    }

    /// <summary>Which device's file arrived first must not decide whether two recordings are merged.</summary>
    [Property(MaxTest = 300)]
    public void TheAnswer_DoesNotDependOnTheOrder(int seedA, int seedB, byte lengthA, byte lengthB, ushort startGapSeconds)
    {
        var startB = RandomRecordings.Start.AddSeconds(startGapSeconds % 420);
        var streamsA = RandomRecordings.Streams(seedA, 2 + lengthA);
        var streamsB = RandomRecordings.Streams(seedB, 2 + lengthB);
        var (durationA, durationB) = (streamsA[StreamNames.Time]![^1], streamsB[StreamNames.Time]![^1]);
        var a = RandomRecordings.Timed(streamsA, RandomRecordings.Start);
        var b = RandomRecordings.Timed(streamsB, startB);

        Assert.Equal(
            SameWorkout.Test("running", RandomRecordings.Start, durationA, a, "trail_running", startB, durationB, b),
            SameWorkout.Test("trail_running", startB, durationB, b, "running", RandomRecordings.Start, durationA, a));
    }
}
