using Forma.Analytics.Merging;
using Forma.Formats;

namespace Forma.Analytics.Tests.Merging;

public class SameWorkoutTests
{
    private static readonly DateTime Start = new(2026, 5, 1, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SameTrackAndTime_OnTwoDevices_IsOneWorkout() =>
        Assert.True(Test(Track(Start, 3600, lat: 46.05), Start, 3600, Track(Start.AddSeconds(20), 3590, lat: 46.05), Start.AddSeconds(20), 3590));

    // 0.05° of latitude ≈ 5.6 km: two people who started a run together in different places.
    [Fact]
    public void SameTimeButFarApart_IsTwoWorkouts() =>
        Assert.False(Test(Track(Start, 3600, lat: 46.05), Start, 3600, Track(Start, 3600, lat: 46.10), Start, 3600));

    [Fact]
    public void StartsMoreThanFiveMinutesApart_IsTwoWorkouts() =>
        Assert.False(Test(Track(Start, 3600, lat: 46.05), Start, 3600, Track(Start.AddMinutes(6), 3600, lat: 46.05), Start.AddMinutes(6), 3600));

    // The second starts 3 min into the first: they overlap 60 s of the shorter 240 s = 25 % < 80 %.
    [Fact]
    public void OverlappingLessThanEightyPercentOfTheShorter_IsTwoWorkouts() =>
        Assert.False(Test(Track(Start, 240, lat: 46.05), Start, 240, Track(Start.AddMinutes(4).AddSeconds(-60), 600, lat: 46.05), Start.AddMinutes(3), 600, sportB: "running"));

    [Fact]
    public void DifferentSportFamilies_AreTwoWorkouts_ButGenericMatchesAnything()
    {
        Assert.False(Test(Track(Start, 3600, 46.05), Start, 3600, Track(Start, 3600, 46.05), Start, 3600, sportB: "cycling"));
        Assert.True(Test(Track(Start, 3600, 46.05), Start, 3600, Track(Start, 3600, 46.05), Start, 3600, sportB: "generic"));
    }

    private static bool Test(TimedStreams a, DateTime startA, double durationA, TimedStreams b, DateTime startB, double durationB, string sportB = "running") =>
        SameWorkout.Test("running", startA, durationA, a, sportB, startB, durationB, b);

    /// <summary>A straight line north from (lat, 14.5), one sample a second, about 3 m/s.</summary>
    private static TimedStreams Track(DateTime start, int seconds, double lat)
    {
        var time = Enumerable.Range(0, seconds).Select(i => (double)i).ToArray();
        var latitude = time.Select(t => lat + t * 0.000027).ToArray();
        var longitude = time.Select(_ => 14.5).ToArray();
        return new TimedStreams(Guid.NewGuid(), start, new SampleStreams(seconds, new Dictionary<string, double[]>
        {
            [StreamNames.Time] = time,
            [StreamNames.Latitude] = latitude,
            [StreamNames.Longitude] = longitude,
        }));
    }
}
