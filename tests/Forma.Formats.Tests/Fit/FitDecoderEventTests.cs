using Forma.Formats.Fit;
using static Forma.Formats.Tests.Fit.FitFileWriter;

namespace Forma.Formats.Tests.Fit;

/// <summary>event messages as <see cref="ActivityFile.Events"/>, against golden and FitCSVTool dumps and hand-written files.</summary>
public class FitDecoderEventTests
{

    // The profile's names for the numbers these dumps contain (event, event_type).
    private static readonly Dictionary<long, string> EventNames = new() { [0] = "timer", [8] = "session", [9] = "lap", [11] = "battery", [12] = "virtual_partner_pace", [26] = "activity" };
    private static readonly Dictionary<long, string> TypeNames = new() { [0] = "start", [1] = "stop", [3] = "marker", [4] = "stop_all", [9] = "stop_disable_all" };

    [Theory]
    [InlineData("fit/Edge810-Vector-2013-08-16-15-35-10.fit", 3)]
    [InlineData("fit/sample-activity-indoor-trainer.fit", 3)]
    [InlineData("fit/2013-02-06-12-11-14.fit", 4)]
    [InlineData("fit/2015-10-13-08-43-15.fit", 14)]
    [InlineData("fit/antfs-dump.63.fit", 2)]
    public void Events_MatchGoldenDump(string name, int count)
    {
        var events = FitTestData.Decode(name).Events;
        var golden = GoDumpRecords.Read(Fixtures.Path(name + ".golden.gz")).Events;

        Assert.Equal(count, golden.Count);
        Assert.Equal(count, events.Count);
        foreach (var (g, e) in golden.Zip(events))
        {
            var raw = g["ext"] - FitTestData.GoExtToFit;
            Assert.Equal(raw >= 0x10000000 ? FitTestData.FitEpoch.AddSeconds(raw) : null, e.Time);
            Assert.Equal(EventNames[g["Event"]], e.Event);
            Assert.Equal(TypeNames[g["EventType"]], e.EventType);
            Assert.Equal(g["Data"] == 0xFFFFFFFF ? null : (uint?)g["Data"], e.Data);
        }
    }

    [Fact]
    public void Events_Forerunner110_BatteryMarkerCarriesMillivolts()
    {
        // Golden dump: event 0x0b (battery), event_type 0x03 (marker), data 0x1018 = 4120 mV, at Go ext 63495749474.
        var battery = FitTestData.Decode("fit/2013-02-06-12-11-14.fit").Events[1];

        Assert.Equal(new ActivityEvent(FitTestData.FitEpoch.AddSeconds(63495749474 - FitTestData.GoExtToFit), "battery", "marker", 4120), battery);
    }

    [Theory]
    [InlineData("activity_developerdata")]
    [InlineData("activity_multisport")]
    [InlineData("activity_poolswim")]
    public void Events_MatchFitCsvTool(string name)
    {
        var events = FitTestData.Decode($"fit/garmin-fit-sdk-license/{name}.fit").Events;
        var expected = FitCsvToolFile.ReadData(Fixtures.Path($"fit/garmin-fit-sdk-license/{name}.csv"))
            .Where(r => r.Message == "event").Select(r => r.Fields).ToList();

        Assert.Equal(expected.Count, events.Count);
        foreach (var (row, e) in expected.Zip(events))
        {
            Assert.Equal(FitTestData.FitEpoch.AddSeconds(FitCsvToolFile.Number(row, "timestamp")!.Value), e.Time);
            Assert.Equal(EventNames[(long)FitCsvToolFile.Number(row, "event")!.Value], e.Event);
            Assert.Equal(TypeNames[(long)FitCsvToolFile.Number(row, "event_type")!.Value], e.EventType);
            var data = FitCsvToolFile.Number(row, "timer_trigger") ?? FitCsvToolFile.Number(row, "data");
            Assert.Equal(data is { } d ? (uint)d : null, e.Data);
        }
    }

    [Fact]
    public void Event_Data16Only_ExpandsIntoData_AndUnknownNumbersStayDigits()
    {
        // data16 (field 2) is a component of data (field 3); event 200 and event_type 50 are in no enum.
        var file = new FitFileWriter()
            .Define(0, 21, false, (253, 4, Uint32), (0, 1, Uint8), (1, 1, Uint8), (2, 2, Uint16))
            .Data(0, [.. U32(1_000_000_000), 43, 3, .. U16(0x0D11)])
            .Data(0, [.. U32(1_000_000_001), 200, 50, 0xFF, 0xFF])
            .Build();

        var events = FitDecoder.Decode(file).Events;

        Assert.Equal(
            [
                new ActivityEvent(FitTestData.FitEpoch.AddSeconds(1_000_000_000), "rear_gear_change", "marker", 0x0D11),
                new ActivityEvent(FitTestData.FitEpoch.AddSeconds(1_000_000_001), "200", "50", null),
            ],
            events);
    }

    [Fact]
    public void ManyEmptyEventMessages_EndInTooLarge_NotUnboundedLists()
    {
        // A definition with no fields makes every event a single header byte: 20,000 of them in a 20 KB file.
        var writer = new FitFileWriter().Define(0, 21, false);
        for (var i = 0; i < 20_000; i++)
        {
            writer.Data(0);
        }

        var error = Assert.Throws<ActivityFormatException>(() => FitDecoder.Decode(writer.Build()));

        Assert.Equal("fit-too-large", error.Code);
    }
}
