using Forma.Analytics.Curves;

namespace Forma.Analytics.Tests.Curves;

public class CurveAggregationTests
{
    [Fact]
    public void Best_PicksTheBestCurvePerDuration()
    {
        double[] sprint = [900, 700, 500];
        double[] longRide = [800, 750, 450, 300, 280, 270, 260, 250, 240];
        double[] tempo = [600, 600, 600, 320, 280, 260];

        var best = CurveAggregation.Best([sprint, longRide, tempo]);

        Assert.Equal([900.0, 750, 600, 320, 280, 270, 260, 250, 240], best.Values);
        Assert.Equal([0, 1, 2, 2, 1, 1, 1, 1, 1], best.SourceIndex);
    }

    [Fact]
    public void Best_TiesKeepTheEarliestAndNaNNeverWins()
    {
        var best = CurveAggregation.Best([[300.0, double.NaN, 100, 50, 40], [300.0, 200, double.NaN, 60, 40]]);

        Assert.Equal([300.0, 200, 100, 60, 40], best.Values);
        Assert.Equal([0, 1, 0, 1, 0], best.SourceIndex);
    }

    [Fact]
    public void Best_NoCurveHasADuration_IsNaNFromNowhere()
    {
        var best = CurveAggregation.Best([[double.NaN]]);

        Assert.True(double.IsNaN(best.Values[0]));
        Assert.Equal(-1, best.SourceIndex[0]);
        Assert.Empty(CurveAggregation.Best([]).Values);
    }
}
