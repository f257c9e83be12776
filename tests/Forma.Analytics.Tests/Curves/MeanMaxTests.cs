using Forma.Analytics.Curves;
using Forma.Testing;

namespace Forma.Analytics.Tests.Curves;

public class MeanMaxTests
{
    [Fact]
    public void Compute_ConstantPower_IsFlatAtThatPower()
    {
        var curve = MeanMax.Compute(Enumerable.Repeat(237.3, 3600).ToArray().AsSpan());

        Assert.Equal(3600, curve.Length);
        Assert.All(curve, v => Assert.Equal(237.3, v, 1e-9));
    }

    [Fact]
    public void Compute_ByHand_IsTheBestWindowMeanAndNeedNotFall()
    {
        // 1 s: 10; 2 s: (10 + 0) / 2; 3 s: (10 + 0 + 10) / 3 — longer can beat shorter; 4 s: 20 / 4.
        var curve = MeanMax.Compute([0.0, 10, 0, 10]);

        Assert.Equal([10, 5, 20.0 / 3, 5], curve);
    }

    [Fact]
    public void Compute_GapsCountAsZero()
    {
        var curve = MeanMax.Compute([100.0, double.NaN, 100]);

        Assert.Equal([100, 50, 200.0 / 3], curve);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, -50.0)]
    public void Compute_EqualsBruteForce(int seed, double offset)
    {
        var stream = SyntheticRide.Power(seed, 2500).Select(v => v + offset).ToArray();

        var curve = MeanMax.Compute(stream.AsSpan());

        var expected = BruteForce(stream);
        for (var k = 0; k < stream.Length; k++)
        {
            Assert.Equal(expected[k], curve[k], 1e-9 * Math.Max(1, Math.Abs(expected[k])));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(37)]
    [InlineData(1029)]
    public void Compute_AnyLengthAndNearlyFlatStream_EqualsBruteForce(int length)
    {
        // An indoor ride in ERG mode: nearly constant, where the pruning bound can skip almost nothing.
        var random = new Random(length);
        var stream = Enumerable.Range(0, length).Select(_ => 200 + random.Next(-3, 4) * 0.5).ToArray();

        var curve = MeanMax.Compute(stream.AsSpan());

        var expected = BruteForce(stream);
        for (var k = 0; k < length; k++)
        {
            Assert.Equal(expected[k], curve[k], 1e-9);
        }
    }

    [Fact]
    public void Compute_OnTime_ResamplesAndCountsPausesAsZero()
    {
        // 4 s of 200 W, a 60 s pause (longer than the interpolation limit), then 2 s of 200 W: 66 seconds in all.
        double[] time = [0, 1, 2, 3, 64, 65];
        double[] power = [200, 200, 200, 200, 200, 200];

        var curve = MeanMax.Compute(time, power);

        Assert.Equal(66, curve.Length);
        Assert.Equal(200, curve[3]);
        Assert.Equal(200.0 * 4 / 5, curve[4]);
        Assert.Equal(200.0 * 6 / 66, curve[65], 1e-12);
    }

    [Fact]
    public void Compute_Empty_IsEmpty() => Assert.Empty(MeanMax.Compute([], []));

    private static double[] BruteForce(double[] values)
    {
        var n = values.Length;
        var best = new double[n];
        Array.Fill(best, double.NegativeInfinity);
        for (var start = 0; start < n; start++)
        {
            var sum = 0.0;
            for (var end = start; end < n; end++)
            {
                sum += values[end];
                best[end - start] = Math.Max(best[end - start], sum / (end - start + 1));
            }
        }

        return best;
    }
}
