using Forma.Formats.Tests.Xml;

namespace Forma.Formats.Tests.Tcx;

public class TcxReaderTests
{
    private const string Root =
        "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" " +
        "xmlns:x=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">";

    [Fact]
    public void Read_CoursesOnly_IsRefusedAsNotARecording()
    {
        var xml = Root + "<Courses><Course><Name>Loop</Name><Track><Trackpoint><Time>2020-01-01T10:00:00Z</Time></Trackpoint></Track></Course></Courses></TrainingCenterDatabase>";

        Assert.Equal("tcx-course", Assert.Throws<ActivityFormatException>(() => Read.Tcx(xml)).Code);
    }

    [Fact]
    public void Read_NoActivity_IsRefused() =>
        Assert.Equal("tcx-no-activity", Assert.Throws<ActivityFormatException>(() => Read.Tcx(Root + "<Activities/></TrainingCenterDatabase>")).Code);

    [Fact]
    public void Read_RunCadenceAndLapExtension_AreReadByNamespace()
    {
        var xml = Root + "<Activities><Activity Sport=\"Running\"><Id>2020-01-01T10:00:00Z</Id>" +
            "<Lap StartTime=\"2020-01-01T10:00:00Z\"><TotalTimeSeconds>60</TotalTimeSeconds><Track>" +
            "<Trackpoint><Time>2020-01-01T10:00:05Z</Time><Extensions><x:TPX><x:RunCadence>88</x:RunCadence><x:Speed>3.5</x:Speed></x:TPX></Extensions></Trackpoint>" +
            "</Track><Extensions><x:LX><x:AvgRunCadence>86</x:AvgRunCadence><x:MaxWatts>400</x:MaxWatts></x:LX></Extensions></Lap></Activity></Activities></TrainingCenterDatabase>";

        var file = Read.Tcx(xml);

        Assert.Equal([5], file.Streams[StreamNames.Time]!);
        Assert.Equal([88], file.Streams[StreamNames.Cadence]!);
        Assert.Equal([3.5], file.Streams[StreamNames.Speed]!);
        Assert.Equal(86, file.Laps[0].AverageCadence);
        Assert.Equal(400, file.Laps[0].MaxPower);
        Assert.Equal(60, file.Sessions[0].TimerTime);
    }

    [Fact]
    public void Read_MultiSportAttribute_IsAMultisportSession()
    {
        var xml = Root + "<Activities><Activity Sport=\"MultiSport\"><Id>2020-01-01T10:00:00Z</Id></Activity></Activities></TrainingCenterDatabase>";

        var file = Read.Tcx(xml);

        Assert.Equal("multisport", file.Metadata.Sport);
        Assert.Equal(new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc), file.Metadata.StartTime);
        Assert.Equal(0, file.Streams.Count);
    }

    [Fact]
    public void Read_InvalidLapStart_IsRefused()
    {
        var xml = Root + "<Activities><Activity Sport=\"Biking\"><Lap StartTime=\"soon\"/></Activity></Activities></TrainingCenterDatabase>";

        Assert.Equal("xml-invalid-date", Assert.Throws<ActivityFormatException>(() => Read.Tcx(xml)).Code);
    }
}
