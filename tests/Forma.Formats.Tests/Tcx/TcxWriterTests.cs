using System.Xml.Linq;
using Forma.Formats.Tcx;
using Forma.Formats.Tests.Fit;
using Forma.Formats.Tests.Writers;
using Forma.Formats.Tests.Xml;

namespace Forma.Formats.Tests.Tcx;

/// <summary>What TcxWriter writes, read back through TcxReader and checked against the TCX schema.</summary>
public class TcxWriterTests
{
    private const string Tcd = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";

    /// <summary>TCX holds every value as xs:double but heart rate, cadence and power, which are whole numbers.</summary>
    private static readonly SegmentResolution Exact = new(0, 0, 0, 0.5, TimeSpan.Zero);

    private static readonly string[] Written =
    [
        StreamNames.Time, StreamNames.Latitude, StreamNames.Longitude, StreamNames.Altitude, StreamNames.Distance,
        StreamNames.Speed, StreamNames.HeartRate, StreamNames.Cadence, StreamNames.Power,
    ];

    public static TheoryData<string> TcxFixtures() =>
        [.. Directory.GetFiles(Formats.Tests.Fixtures.Path("tcx"), "*.tcx", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Formats.Tests.Fixtures.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(TcxFixtures))]
    public void TcxFixture_RoundTrips_StreamsLapsAndSessions(string relative)
    {
        var original = Read.TcxFixture(relative);

        var again = Read.Tcx(Write(original));

        ActivityAssert.StreamsEqual(original, again, Resolution);
        ActivityAssert.SegmentsEqual(original.Laps, again.Laps, Exact);
        ActivityAssert.SegmentsEqual(original.Sessions, again.Sessions, Exact);
        Assert.Equal((original.Metadata.Sport, original.Metadata.StartTime), (again.Metadata.Sport, again.Metadata.StartTime));
        Assert.Equal(original.Metadata.Device?.Product, again.Metadata.Device?.Product);
    }

    [Theory]
    [InlineData("fit/garmin-edge-500-activity.fit")] // cycling, nine laps
    [InlineData("fit/garmin-fenix-5-run.fit")] // running: cadence goes in RunCadence and AvgRunCadence
    [InlineData("fit/Edge810-Vector-2013-08-16-15-35-10.fit")] // power in Watts and AvgWatts
    public void FitFixture_AsTcx_KeepsWhatTcxHolds(string relative)
    {
        var fit = FitTestData.Decode(relative);

        var tcx = Read.Tcx(Write(fit));

        ActivityAssert.StreamsEqual(ActivityRows.Where(fit, ActivityRows.HasTime), tcx, Resolution, ActivityRows.Present(fit, Written));

        // TCX laps have no elapsed time, sub-sport, ascent or descent, and always state calories.
        var laps = fit.Laps.Select(l => l with { ElapsedTime = null, SubSport = null, TotalAscent = null, TotalDescent = null, Calories = l.Calories ?? 0 }).ToList();
        ActivityAssert.SegmentsEqual(laps, tcx.Laps, Exact);
        Assert.Equal(fit.Metadata.Device?.Product, tcx.Metadata.Device?.Product);
        Assert.Equal(fit.Metadata.Device?.SerialNumber, tcx.Metadata.Device?.SerialNumber);
    }

    [Fact]
    public void FitMultisport_BecomesOneActivityPerSession()
    {
        var fit = FitTestData.Decode("fit/sample_mulitple_header.fit");

        var tcx = Read.Tcx(Write(fit));

        // Sport_t has Running, Biking and Other: swimming and the transitions come back as generic.
        Assert.Equal(["generic", "generic", "cycling", "generic", "running"], tcx.Sessions.Select(s => s.Sport));
        Assert.Equal(fit.Sessions.Select(s => s.StartTime), tcx.Sessions.Select(s => s.StartTime));
        Assert.Equal(5, tcx.Laps.Count);
        Assert.Equal(1773, tcx.Streams.Count);
    }

    [Fact]
    public void NoLaps_IsOneLapCoveringTheWholeRecording()
    {
        var gpx = Read.GpxFixture("gpx/riderx3.gpx");

        var tcx = Read.Tcx(Write(gpx));

        var lap = Assert.Single(tcx.Laps);
        Assert.Equal(gpx.Metadata.StartTime, lap.StartTime);
        Assert.Equal((41 * 60) + 9, lap.TimerTime); // 17:26:09 to 18:07:18
        Assert.Equal(gpx.Streams[StreamNames.Distance]![^1], lap.Distance);
        Assert.Equal(931, tcx.Streams.Count);
    }

    public static TheoryData<string> SchemaSamples() =>
    [
        "fit/garmin-edge-500-activity.fit", "fit/garmin-fenix-5-run.fit", "fit/sample_mulitple_header.fit",
        "fit/activity-large-fenxi2-multisport.fit", "fit/2019-02-17-062644-ELEMNT-297E-195-0.fit",
        "tcx/11.tcx", "tcx/gpl-2.0/activity_165850259_multi-session.tcx", "tcx/cc-by-sa-4.0/pool_swim-activity_1.tcx",
        "gpx/riderx3.gpx",
    ];

    [Theory]
    [MemberData(nameof(SchemaSamples))]
    public void Output_IsValidAgainstTheTcxSchema(string relative)
    {
        using var file = File.OpenRead(Formats.Tests.Fixtures.Path(relative));
        var activity = ActivityReader.Read(file);

        Assert.Empty(TcxSchema.Problems(Write(activity)));
    }

    [Fact]
    public void Schema_RejectsLapElementsOutOfOrder()
    {
        // The check above is only worth something if the validator does see order: swap two lap elements.
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Write(Read.TcxFixture("tcx/test.tcx"))));
        var lap = document.Descendants(XName.Get("Lap", Tcd)).First();
        var calories = lap.Element(XName.Get("Calories", Tcd))!;
        calories.Remove();
        lap.AddFirst(calories);

        Assert.NotEmpty(TcxSchema.Problems(System.Text.Encoding.UTF8.GetBytes(document.ToString())));
    }

    [Fact]
    public void NoStartTime_IsRefused()
    {
        var antfs = FitTestData.Decode("fit/antfs-dump.63.fit"); // device-relative times: no moment to date the samples from

        var error = Assert.Throws<ActivityFormatException>(() => Write(antfs));

        Assert.Equal("tcx-no-start-time", error.Code);
    }

    /// <summary>Heart rate, cadence and power are whole numbers in TCX; everything else is written to the last digit.</summary>
    private static double Resolution(string stream, double value) =>
        stream is StreamNames.HeartRate or StreamNames.Cadence or StreamNames.Power ? 0.5 : 0;

    private static byte[] Write(ActivityFile activity)
    {
        using var output = new MemoryStream();
        TcxWriter.Write(activity, output);
        return output.ToArray();
    }
}
