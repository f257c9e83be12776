using Forma.Formats.Fit;
using Forma.Formats.Tests.Writers;
using Forma.Formats.Tests.Xml;

namespace Forma.Formats.Tests.Fit;

/// <summary>decode → encode → decode gives back the same activity, to the resolution of each FIT field.</summary>
public class FitEncoderRoundTripTests
{
    /// <summary>Every FIT fixture but the deliberately broken ones; nick.fit (a bad CRC) is read in salvage mode.</summary>
    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetFiles(Formats.Tests.Fixtures.Path("fit"), "*.fit", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Formats.Tests.Fixtures.Root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("fit/invalid/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryFixture_RoundTrips_StreamsLapsSessionsAndMetadata(string relative)
    {
        var original = FitDecoder.DecodeWithUnits(Formats.Tests.Fixtures.Bytes(relative), new FitDecodeOptions { IgnoreCrc = relative == "fit/nick.fit" });

        var again = FitDecoder.DecodeWithUnits(FitEncoder.Encode(original.Activity, original.Units)); // strict: the CRCs must be right

        var (before, after) = (original.Activity, again.Activity);
        ActivityAssert.StreamsEqual(before, after, FitResolution.Of);
        ActivityAssert.SegmentsEqual(before.Laps, after.Laps, FitResolution.Segments with { StartTime = TimeSpan.Zero });
        ActivityAssert.SegmentsEqual(before.Sessions, after.Sessions, FitResolution.Segments with { StartTime = TimeSpan.Zero });
        Assert.Equal(before.Metadata, after.Metadata); // sport, sub-sport, name, start time, local offset, device
        Assert.Equal(original.Units, again.Units);
        Assert.Empty(after.Warnings);
    }

    [Fact]
    public void CompressedSpeedDistance_ComesBackToTheCentimetre()
    {
        // The fr70 records distance in 1/16 m (compressed_speed_distance); record.distance holds 1/100 m, so
        // 1087.375 m is written as 108738 cm. This is the one fixture whose values the encoder cannot keep exactly.
        var original = FitTestData.Decode("fit/compressed-speed-distance.fit");

        var again = FitDecoder.Decode(FitEncoder.Encode(original));

        Assert.Equal(1087.375, original.Streams[StreamNames.Distance]![130]);
        Assert.Equal(1087.38, again.Streams[StreamNames.Distance]![130]);
    }

    [Theory]
    [InlineData("gpx/riderx3.gpx")]
    [InlineData("gpx/gpl-2.0/UrbanBiker2019-04-18_16-12.gpx")] // fractional seconds, power, temperature in tenths
    [InlineData("gpx/gpl-2.0/Move_2014_01_17_09_33_11.gpx")] // a start at .150 s
    [InlineData("gpx/korita-zbevnica.gpx")] // points without a time
    public void Gpx_EncodedAsFit_DecodesToTheSameStreams(string relative)
    {
        var gpx = Read.GpxFixture(relative);

        var fit = FitDecoder.Decode(FitEncoder.Encode(gpx));

        ActivityAssert.StreamsEqual(gpx, fit, FitResolution.Of);
        Assert.Equal(gpx.Metadata.Sport, fit.Metadata.Sport);
        Assert.Equal(gpx.Metadata.Name, fit.Metadata.Name);
        Assert.Empty(fit.Sessions); // GPX has none, and the encoder makes none up
    }

    [Theory]
    [InlineData("tcx/test.tcx")]
    [InlineData("tcx/11.tcx")]
    [InlineData("tcx/gpl-2.0/activity_165850259_multi-session.tcx")]
    public void Tcx_EncodedAsFit_DecodesToTheSameStreamsLapsAndSessions(string relative)
    {
        var tcx = Read.TcxFixture(relative);

        var fit = FitDecoder.Decode(FitEncoder.Encode(tcx));

        ActivityAssert.StreamsEqual(tcx, fit, FitResolution.Of);
        ActivityAssert.SegmentsEqual(tcx.Laps, fit.Laps, FitResolution.Segments);
        ActivityAssert.SegmentsEqual(tcx.Sessions, fit.Sessions, FitResolution.Segments);
        Assert.Equal(tcx.Metadata.StartTime, fit.Metadata.StartTime);
    }

    [Fact]
    public void Tcx_HeartRateAverage_IsRoundedToTheWholeBeatFitHolds()
    {
        // The session averages its three laps' heart rates weighted by their timer times; FIT's avg_heart_rate is a uint8.
        var tcx = Read.TcxFixture("tcx/test.tcx");
        var average = tcx.Sessions[0].AverageHeartRate!.Value;

        var fit = FitDecoder.Decode(FitEncoder.Encode(tcx));

        Assert.Equal(((139 * 608.47) + (172 * 714.80) + (167 * 669.51)) / (608.47 + 714.80 + 669.51), average, 9);
        Assert.Equal(Math.Round(average), fit.Sessions[0].AverageHeartRate);
    }
}
