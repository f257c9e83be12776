using Forma.Formats.Fit;
using static Forma.Formats.Tests.Fit.FitFileWriter;

namespace Forma.Formats.Tests.Fit;

/// <summary>hrv messages as <see cref="ActivityFile.HeartRateIntervals"/>.</summary>
public class FitDecoderHrvTests
{
    [Fact]
    public void Hrv_ArrayOfMilliseconds_BecomesSeconds_SkippingUnusedSlots()
    {
        var file = new FitFileWriter()
            .Define(0, 78, false, (0, 10, Uint16))
            .Data(0, [.. U16(800), .. U16(812), .. U16(0xFFFF), .. U16(0xFFFF), .. U16(0xFFFF)])
            .Define(1, 78, true, (0, 6, Uint16))
            .Data(1, [.. U16(750, true), .. U16(0xFFFF, true), .. U16(1250, true)])
            .Build();

        Assert.Equal([0.8, 0.812, 0.75, 1.25], FitDecoder.Decode(file).HeartRateIntervals);
    }

    [Theory]
    [InlineData("fit/garmin-edge-820-bike")]
    [InlineData("fit/garmin-fenix-5-walk")]
    public void Hrv_ImpliedHeartRate_MatchesRecordedHeartRate(string name)
    {
        // Independent of the hrv decoding: the records' heart rate as python-fitparse read it. Beats per minute
        // from RR intervals (60 × beats / seconds) agree with it within half a beat on these steady efforts.
        var intervals = FitTestData.Decode(name + ".fit").HeartRateIntervals;
        var recorded = FitparseRecord.Read(Fixtures.Path(name + "-records.csv")).Select(r => r.HeartRate).OfType<double>().Average();

        Assert.True(intervals.Length > 50, $"{intervals.Length} intervals");
        Assert.All(intervals, rr => Assert.InRange(rr, 0.3, 2.0));
        Assert.InRange(60 * intervals.Length / intervals.Sum(), recorded - 0.5, recorded + 0.5);
    }

    [Fact]
    public void NoHrvMessages_NoIntervals()
    {
        Assert.Empty(FitTestData.Decode("fit/Edge810-Vector-2013-08-16-15-35-10.fit").HeartRateIntervals);
    }
}
