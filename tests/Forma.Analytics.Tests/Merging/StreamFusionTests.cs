using Forma.Analytics.Merging;
using Forma.Core.Activities;
using Forma.Formats;

namespace Forma.Analytics.Tests.Merging;

public class StreamFusionTests
{
    private static readonly DateTime Start = new(2026, 5, 1, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void HeartRate_ComesFromTheChestStrap_EvenWhenTheWatchWithItsOpticalSensorIsPrimary()
    {
        var watch = Recording(600, heartRate: 150, validHeartRate: 600, heartRateSensor: Sensors.Optical);
        var strap = Recording(600, heartRate: 140, validHeartRate: 590, heartRateSensor: Sensors.ChestStrap);

        var (streams, sources) = StreamFusion.Fuse(watch, [strap]);

        Assert.Equal(strap.RecordingId, sources[StreamNames.HeartRate]);
        Assert.Equal(140, streams[StreamNames.HeartRate]![0]);
        Assert.Equal(watch.RecordingId, sources[StreamNames.Time]);
    }

    [Fact]
    public void AStrapThatDroppedOutForMostOfTheWorkout_LosesToTheOpticalSensor()
    {
        var watch = Recording(600, heartRate: 150, validHeartRate: 600, heartRateSensor: Sensors.Optical);
        var strap = Recording(600, heartRate: 140, validHeartRate: 200, heartRateSensor: Sensors.ChestStrap); // 33 % < 50 %

        Assert.Equal(watch.RecordingId, StreamFusion.Fuse(watch, [strap]).Sources[StreamNames.HeartRate]);
    }

    [Fact]
    public void Power_ComesFromThePowerMeter_OverTheTrainersEstimate()
    {
        var trainer = Recording(600, power: 200, powerSensor: Sensors.Trainer);
        var meter = Recording(600, power: 190, powerSensor: Sensors.PowerMeter);

        Assert.Equal(meter.RecordingId, StreamFusion.Fuse(trainer, [meter]).Sources[StreamNames.Power]);
        Assert.Equal(meter.RecordingId, StreamFusion.Fuse(meter, [trainer]).Sources[StreamNames.Power]);
    }

    [Fact]
    public void WithoutSensorInformation_TheSourceWithMoreSamplesWins_AndTiesStayWithThePrimary()
    {
        var primary = Recording(600, heartRate: 150, validHeartRate: 500);
        var fuller = Recording(600, heartRate: 140, validHeartRate: 600);
        var equal = Recording(600, heartRate: 140, validHeartRate: 500);

        Assert.Equal(fuller.RecordingId, StreamFusion.Fuse(primary, [fuller]).Sources[StreamNames.HeartRate]);
        Assert.Equal(primary.RecordingId, StreamFusion.Fuse(primary, [equal]).Sources[StreamNames.HeartRate]);
    }

    /// <summary>One sample a second; the first <paramref name="validHeartRate"/> heart-rate samples valid, the rest gaps.</summary>
    private static TimedStreams Recording(int seconds, double? heartRate = null, int validHeartRate = 0, double? power = null, string? heartRateSensor = null, string? powerSensor = null)
    {
        var columns = new Dictionary<string, double[]> { [StreamNames.Time] = Enumerable.Range(0, seconds).Select(i => (double)i).ToArray() };
        if (heartRate is { } hr)
        {
            columns[StreamNames.HeartRate] = Enumerable.Range(0, seconds).Select(i => i < validHeartRate ? hr : double.NaN).ToArray();
        }

        if (power is { } watts)
        {
            columns[StreamNames.Power] = Enumerable.Repeat(watts, seconds).ToArray();
        }

        return new TimedStreams(Guid.NewGuid(), Start, new SampleStreams(seconds, columns)) { HeartRateSensor = heartRateSensor, PowerSensor = powerSensor };
    }
}
