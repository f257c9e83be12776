using Forma.Analytics.Charts;
using Forma.Formats;

namespace Forma.Analytics.Tests.Charts;

public class DownsamplingTests
{
    // A steady 120 bpm with one 180 bpm sample at row 537 of 1,000. Even steps of 999/49 ≈ 20.4 rows land on
    // rows 530 and 550 and miss it; a shape-preserving choice must keep it.
    [Fact]
    public void ASingleSpike_SurvivesThinningTo50Points()
    {
        var heartRate = Enumerable.Repeat(120.0, 1000).ToArray();
        heartRate[537] = 180;
        var streams = Streams(1000, heartRate);

        var thinned = Downsampling.Thin(streams, 50);

        Assert.All(thinned.Values, s => Assert.Equal(50, s.Length));
        Assert.Contains(180.0, thinned[StreamNames.HeartRate]);
        Assert.Equal(0, thinned[StreamNames.Time][0]);
        Assert.Equal(999, thinned[StreamNames.Time][^1]);
    }

    // A sine of period 200 s over 2,000 s has 10 crests at +1 and 10 troughs at -1. With 100 points (buckets of
    // ≈ 20 rows) the bucket holding an extreme keeps a row within half a bucket of it: |sin| ≥ cos(2π·10/200) ≈ 0.951.
    [Fact]
    public void EveryCrestAndTroughOfASineIsKept()
    {
        var values = Enumerable.Range(0, 2000).Select(t => Math.Sin(2 * Math.PI * t / 200)).ToArray();

        var rows = Downsampling.LargestTriangleRows(Streams(2000, values), 100);

        Assert.Equal(100, rows.Length);
        Assert.Equal(rows.Order(), rows);
        for (var crest = 50; crest < 2000; crest += 200)
        {
            Assert.Contains(rows, r => Math.Abs(r - crest) <= 10 && values[r] >= 0.95);
            Assert.Contains(rows, r => Math.Abs(r - (crest + 100)) <= 10 && values[r] <= -0.95);
        }
    }

    [Fact]
    public void GapsStayGaps_AndAskingForMoreThanThereIsReturnsEverything()
    {
        var heartRate = Enumerable.Range(0, 10).Select(i => i == 3 ? double.NaN : 100.0 + i).ToArray();

        var all = Downsampling.Thin(Streams(10, heartRate), 50);

        Assert.Equal(10, all[StreamNames.HeartRate].Length);
        Assert.Null(all[StreamNames.HeartRate][3]);
        Assert.Equal([0.0, 9.0], Downsampling.Thin(Streams(10, heartRate), 2)[StreamNames.Time]);
    }

    private static SampleStreams Streams(int count, double[] heartRate) => new(count, new Dictionary<string, double[]>
    {
        [StreamNames.Time] = Enumerable.Range(0, count).Select(i => (double)i).ToArray(),
        [StreamNames.HeartRate] = heartRate,
    });
}
