using Forma.Analytics.Metrics;

namespace Forma.Analytics.Tests.Metrics;

public class BestEffortsTests
{
    [Fact]
    public void Find_ConstantFourMetresPerSecond_EachDistanceTakesMetresOverFour()
    {
        // Two hours at 4 m/s is 28.8 km: the half marathon fits, the marathon does not.
        var (time, distance) = Run((7200, 4));

        var efforts = BestEfforts.Find(time, distance, BestEfforts.RunningDistances);

        Assert.Equal([400, 1000, 1609.344, 5000, 10000, 21097.5], efforts.Select(e => e.Metres));
        Assert.All(efforts, e => Assert.Equal(e.Metres / 4, e.Seconds, 9));
    }

    [Fact]
    public void Find_FastMiddleSection_IsFoundAndInterpolatedAcrossItsEdges()
    {
        // 1,000 s at 3 m/s, 400 s at 5 m/s, 1,000 s at 3 m/s.
        var (time, distance) = Run((1000, 3), (400, 5), (1000, 3));

        var efforts = BestEfforts.Find(time, distance, [1000, 2000, 3000]);

        Assert.Equal(200, efforts[0].Seconds, 9);
        Assert.Equal(400, efforts[1].Seconds, 9);
        Assert.Equal(400 + 1000 / 3.0, efforts[2].Seconds, 9);
        Assert.InRange(efforts[0].StartRow, 1000, 1200);
    }

    [Fact]
    public void Find_MissingRows_AreSkipped()
    {
        var (time, distance) = Run((1000, 4));
        distance[500] = double.NaN;

        Assert.Equal(250, BestEfforts.Find(time, distance, [1000])[0].Seconds, 9);
    }

    [Fact]
    public void SwimmingDistances_AreTheStandardPoolEvents() =>
        Assert.Equal([100, 400, 1500], BestEfforts.SwimmingDistances);

    private static (double[] Time, double[] Distance) Run(params (int Seconds, double Speed)[] blocks)
    {
        var distance = new List<double> { 0 };
        foreach (var (seconds, speed) in blocks)
        {
            for (var s = 0; s < seconds; s++)
            {
                distance.Add(distance[^1] + speed);
            }
        }

        return (Enumerable.Range(0, distance.Count).Select(i => (double)i).ToArray(), distance.ToArray());
    }
}
