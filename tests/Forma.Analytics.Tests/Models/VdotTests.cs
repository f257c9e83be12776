using Forma.Analytics.Models;

namespace Forma.Analytics.Tests.Models;

/// <summary>
/// Against Daniels' Running Formula, Table 3.1 (VDOT and equivalent race times), as quoted in "Dissecting Daniels
/// part 4" (r/artc, 2017), and a Daniels calculator (5 km in 21:00 → VDOT 47.0); see docs/analytics/models.md §5.
/// </summary>
public class VdotTests
{
    [Theory]
    [InlineData(5000, 20 * 60, 49.8)]
    [InlineData(5000, 21 * 60, 47.0)]
    public void FromRace_MatchesPublishedValues(double metres, double seconds, double vdot) =>
        Assert.Equal(vdot, Vdot.FromRace(metres, seconds), vdot * 0.01);

    [Theory]
    [InlineData(50, 5000, "19:57")]
    [InlineData(50, 10000, "41:21")]
    [InlineData(50, 21097.5, "1:31:35")]
    [InlineData(50, 42195, "3:10:49")]
    [InlineData(40, 5000, "24:08")]
    [InlineData(40, 10000, "50:03")]
    [InlineData(40, 42195, "3:49:45")]
    [InlineData(30, 5000, "30:40")]
    [InlineData(30, 42195, "4:49:17")]
    public void PredictSeconds_MatchesDanielsTableWithinOnePercent(double vdot, double metres, string table)
    {
        var expected = table.Split(':').Aggregate(0.0, (seconds, part) => (seconds * 60) + int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, Vdot.PredictSeconds(vdot, metres), expected * 0.01);
    }

    [Fact]
    public void PredictSeconds_InvertsFromRace() =>
        Assert.Equal(2700, Vdot.PredictSeconds(Vdot.FromRace(10_000, 2700), 10_000), 1e-6);

    [Fact]
    public void PredictSeconds_ImpossibleVdot_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vdot.PredictSeconds(-5, 5000));
}
