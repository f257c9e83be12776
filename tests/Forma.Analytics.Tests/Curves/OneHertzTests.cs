using Forma.Analytics.Curves;

namespace Forma.Analytics.Tests.Curves;

public class OneHertzTests
{
    [Fact]
    public void Resample_SmartRecording_InterpolatesLinearly() =>
        Assert.Equal([100.0, 125, 150, 175, 200], OneHertz.Resample([10, 14], [100, 200]));

    [Fact]
    public void Resample_LongGapAndMissingValues_StayGaps()
    {
        var result = OneHertz.Resample([0, 1, 2, 3, 15], [1, double.NaN, 3, 4, 5]);

        Assert.Equal(16, result.Length);
        Assert.Equal(1, result[0]);
        Assert.True(double.IsNaN(result[1]));
        Assert.Equal([3.0, 4], result[2..4]);
        Assert.All(result[4..15], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(5, result[15]);
    }

    [Fact]
    public void Resample_SkipsTimesThatDoNotAdvance() =>
        Assert.Equal([1.0, 2, 3], OneHertz.Resample([0, 1, 1, double.NaN, 2], [1, 2, 9, 9, 3]));
}
