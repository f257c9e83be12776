using Forma.Analytics.Physiology;
using Forma.Analytics.Zones;

namespace Forma.Analytics.Tests.Zones;

public class ZoneModelsTests
{
    [Fact]
    public void CogganPower_Ftp200_CutsAtThePublishedLevelTops()
    {
        // Allen & Coggan table 3.1: levels end at 55, 75, 90, 105, 120, 150 % of FTP.
        var set = ZoneModels.CogganPower(200);

        Assert.Equal(("power", "coggan"), (set.Kind, set.Model));
        Assert.Equal(["Active recovery", "Endurance", "Tempo", "Threshold", "VO2max", "Anaerobic", "Neuromuscular"], set.Zones.Select(z => z.Name));
        AssertCuts([110, 150, 180, 210, 240, 300], set);
    }

    [Fact]
    public void FrielHeartRate_Run_CutsAt85To106PercentOfLthr()
    {
        var set = ZoneModels.FrielHeartRate(200, running: true);

        Assert.Equal(("heartRate", "friel-run"), (set.Kind, set.Model));
        Assert.Equal(["1", "2", "3", "4", "5a", "5b", "5c"], set.Zones.Select(z => z.Name));
        AssertCuts([170, 180, 190, 200, 206, 212], set);
    }

    [Fact]
    public void FrielHeartRate_Bike_CutsAt81To106PercentOfLthr()
    {
        var set = ZoneModels.FrielHeartRate(200, running: false);

        Assert.Equal("friel-bike", set.Model);
        AssertCuts([162, 180, 188, 200, 206, 212], set);
    }

    [Fact]
    public void Pace_ThresholdSpeed_CutsAreReciprocalsOfFrielPacePercentages()
    {
        // 4 m/s threshold; Friel's pace cuts 129/114/106/100/97/90 % of threshold pace as speeds.
        var set = ZoneModels.Pace(4);

        Assert.Equal(("pace", "pace"), (set.Kind, set.Model));
        AssertCuts([4 / 1.29, 4 / 1.14, 4 / 1.06, 4, 4 / 0.97, 4 / 0.90], set);
    }

    [Fact]
    public void IndexOf_ValueOnACut_BelongsToTheUpperZone()
    {
        var set = ZoneModels.CogganPower(200);

        Assert.Equal(1, set.IndexOf(110));
        Assert.Equal(0, set.IndexOf(109.999));
        Assert.Equal(6, set.IndexOf(5000));
        Assert.Equal(-1, set.IndexOf(double.NaN));
    }

    [Fact]
    public void Custom_AscendingBoundaries_MakeOneMoreZone()
    {
        var set = ZoneModels.Custom("heartRate", [120, 150], ["Easy", "Steady", "Hard"]);

        Assert.Equal("custom", set.Model);
        Assert.Equal([new Zone("Easy", 0, 120), new Zone("Steady", 120, 150), new Zone("Hard", 150, double.PositiveInfinity)], set.Zones);
        Assert.Equal(["Z1", "Z2"], ZoneModels.Custom("power", [100]).Zones.Select(z => z.Name));
    }

    [Theory]
    [InlineData("speed", new[] { 1.0 }, "kind")]
    [InlineData("power", new double[0], "At least one")]
    [InlineData("power", new[] { 200.0, 150 }, "ascend")]
    [InlineData("power", new[] { 200.0, 200 }, "ascend")]
    [InlineData("power", new[] { -5.0 }, "positive")]
    [InlineData("power", new[] { double.NaN }, "positive")]
    public void Custom_InvalidInput_ThrowsNamingTheProblem(string kind, double[] boundaries, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => ZoneModels.Custom(kind, boundaries));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_WrongNameCount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ZoneModels.Custom("power", [100, 200], ["a", "b"]));

        Assert.Contains("3 zones", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_RideWithFtpAndLthr_GivesCogganAndFrielBike()
    {
        var thresholds = new Thresholds { FunctionalThresholdPower = 250, ThresholdHeartRate = 165, ThresholdSpeed = 4 };

        Assert.Equal(["coggan", "friel-bike"], ZoneModels.For(thresholds, "cycling").Select(s => s.Model));
        Assert.Equal(["friel-run", "pace"], ZoneModels.For(thresholds, "running").Select(s => s.Model));
        Assert.Equal(["friel-bike"], ZoneModels.For(thresholds, "rowing").Select(s => s.Model));
        Assert.Empty(ZoneModels.For(Thresholds.None, "cycling"));
    }

    private static void AssertCuts(double[] expected, ZoneSet set)
    {
        Assert.Equal(expected.Length + 1, set.Zones.Count);
        Assert.Equal(0, set.Zones[0].Low);
        Assert.Equal(double.PositiveInfinity, set.Zones[^1].High);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], set.Zones[i].High, 9);
            Assert.Equal(expected[i], set.Zones[i + 1].Low, 9);
        }
    }
}
