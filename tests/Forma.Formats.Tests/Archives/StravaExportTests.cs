using System.Text;
using Forma.Formats.Archives;

namespace Forma.Formats.Tests.Archives;

public class StravaExportTests
{
    /// <summary>
    /// The layout of a real export's header (SOURCES.md): duplicated Distance, Filename in the middle, dates like
    /// "Jul 2, 2023, 8:01:37 AM"; a name with a comma and quotes and a description with a line break.
    /// </summary>
    private const string Csv = """
        Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Distance
        14582164182,"Feb 19, 2025, 12:10:45 AM","Zwift, ""Watopia"" loop",VirtualRide,"line one
        line two",2760,30.1,activities/14582164182.fit.gz,30100
        2001,"Mar 2, 2024, 7:44:55 AM",Morning Run,Run,,6743,10,activities/2001.fit,10000

        3001,"Aug 5, 2010, 2:23:59 PM",Lake walk,Walk,,,,activities/3001.gpx.gz,
        4001,"Jan 1, 2024, 9:00:00 AM",Gym,Weight Training,,,,,
        """;

    [Fact]
    public void Open_StravaExport_NamesAndSportsComeFromTheCsv()
    {
        using var archive = Zips.Open(Export(Csv));

        Assert.Equal(ExportKind.Strava, archive.Kind);
        Assert.Equal(
            ["activities/14582164182.fit.gz", "activities/2001.fit", "activities/3001.gpx.gz", "activities.csv#4001", "activities/9999.tcx"],
            archive.Entries.Select(e => e.Path));
        Assert.Equal(["Zwift, \"Watopia\" loop", "Morning Run", "Lake walk", "Gym", null], archive.Entries.Select(e => e.Name));
        Assert.Equal(["cycling", "running", "walking", "weight training", null], archive.Entries.Select(e => e.Sport));
        Assert.Equal("virtual_activity", archive.Entries[0].SubSport);
        Assert.Equal(new DateTime(2025, 2, 19, 0, 10, 45, DateTimeKind.Utc), archive.Entries[0].StartTime);
        Assert.Equal(DateTimeKind.Utc, archive.Entries[0].StartTime?.Kind);
        Assert.Equal(new DateTime(2010, 8, 5, 14, 23, 59, DateTimeKind.Utc), archive.Entries[2].StartTime);
    }

    [Fact]
    public void Open_StravaExport_EntriesOpenTheOriginalUploads()
    {
        using var archive = Zips.Open(Export(Csv));

        // SOURCES.md: the .fit.gz is an Edge 1030 Plus virtual ride (2,760 records); the FR955 run has 6,743;
        // cerknicko-jezero.gpx has 296 track points; test.tcx is a Forerunner 410 run.
        var ride = Zips.Read(archive.Entries[0]);
        Assert.Equal(("cycling", "virtual_activity", 2760), (ride.Metadata.Sport, ride.Metadata.SubSport, ride.Streams.Count));
        Assert.Equal(6743, Zips.Read(archive.Entries[1]).Streams.Count);
        Assert.Equal(296, Zips.Read(archive.Entries[2]).Streams.Count);
        Assert.Equal(ActivityFormat.Tcx, Zips.Read(archive.Entries[4]).Metadata.Format);
    }

    [Fact]
    public void Open_StravaRowWithoutAFile_IsListedWithoutOne()
    {
        using var archive = Zips.Open(Export(Csv));
        var manual = archive.Entries[3];

        Assert.False(manual.HasFile);
        Assert.True(archive.Entries[0].HasFile);
        Assert.Equal("archive-entry-no-file", Assert.Throws<ActivityFormatException>(manual.Open).Code);
    }

    [Fact]
    public void Open_OtherHeaderSpellingAndByteOrderMark_StillMatchColumns()
    {
        var csv = "\uFEFFfilename,activity type,ACTIVITY NAME,Activity Id\r\nactivities/2001.fit,Hike,Up the hill,2001\r\n";

        using var archive = Zips.Open(Export(csv));

        var hike = archive.Entries[0];
        Assert.Equal(("activities/2001.fit", "Up the hill", "hiking"), (hike.Path, hike.Name, hike.Sport));
    }

    private static byte[] Export(string csv) => Zips.Build(
        ("activities.csv", Encoding.UTF8.GetBytes(csv)),
        ("activities/14582164182.fit.gz", Fixtures.Bytes("compressed/gpl-2.0/14582164182.fit.gz")),
        ("activities/2001.fit", Zips.Extract("compressed/gpl-2.0/GarminFR955v18.zip", "14211916346_ACTIVITY.fit")),
        ("activities/3001.gpx.gz", Zips.Gzip(Fixtures.Bytes("gpx/cerknicko-jezero.gpx"))),
        ("activities/9999.tcx", Fixtures.Bytes("tcx/test.tcx")),
        ("media/photo.jpg", [0xFF, 0xD8, 0xFF]),
        ("profile.csv", "Athlete ID\n1\n"u8.ToArray()));
}
