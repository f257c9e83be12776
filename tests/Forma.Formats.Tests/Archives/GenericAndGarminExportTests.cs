using Forma.Formats.Archives;

namespace Forma.Formats.Tests.Archives;

public class GenericAndGarminExportTests
{
    private const string Fr955Zip = "compressed/gpl-2.0/GarminFR955v18.zip";
    private const string Fr955Fit = "14211916346_ACTIVITY.fit";

    [Fact]
    public void Open_GarminExportOriginalZip_ListsItsFit()
    {
        using var input = File.OpenRead(Fixtures.Path(Fr955Zip));
        using var archive = ExportArchive.Open(input);

        var entry = Assert.Single(archive.Entries);
        Assert.Equal(ExportKind.Generic, archive.Kind);
        Assert.Equal(Fr955Fit, entry.Path);

        // SOURCES.md: Forerunner 955 run, 6,743 records, 5 laps.
        var activity = Zips.Read(entry);
        Assert.Equal("running", activity.Metadata.Sport);
        Assert.Equal("garmin", activity.Metadata.Device?.Manufacturer);
        Assert.Equal(6743, activity.Streams.Count);
        Assert.Equal(5, activity.Laps.Count);
    }

    [Fact]
    public void Open_ZipWithMacOsJunk_SkipsTheResourceForks()
    {
        using var input = File.OpenRead(Fixtures.Path("compressed/gpl-2.0/Move_2019_03_17_10_24_32_Running.fit.zip"));
        using var archive = ExportArchive.Open(input);

        var entry = Assert.Single(archive.Entries);
        Assert.Equal("Move_2019_03_17_10_24_32_Running.fit", entry.Path);
        var activity = Zips.Read(entry);
        Assert.Equal("suunto", activity.Metadata.Device?.Manufacturer);
        Assert.Equal(6641, activity.Streams.Count);
        Assert.Equal(21, activity.Laps.Count);
    }

    [Fact]
    public void Open_AnyZip_ListsWhatSniffsAsAnActivityWhateverItsName()
    {
        var zip = Zips.Build(
            ("rides/strava-style.bin", Fixtures.Bytes("compressed/gpl-2.0/14582164182.fit.gz")),
            ("notes.txt", "not an activity"u8.ToArray()),
            ("tracks/lake.xml", Fixtures.Bytes("gpx/cerknicko-jezero.gpx")),
            ("empty.fit", []));

        using var archive = Zips.Open(zip);

        Assert.Equal(["rides/strava-style.bin", "tracks/lake.xml"], archive.Entries.Select(e => e.Path));
        Assert.Equal("virtual_activity", Zips.Read(archive.Entries[0]).Metadata.SubSport);
        Assert.Equal(296, Zips.Read(archive.Entries[1]).Streams.Count);
    }

    [Fact]
    public void Open_GarminConnectExport_OpensTheNestedUploadArchives()
    {
        var uploads = Zips.Build((Fr955Fit, Zips.Extract(Fr955Zip, Fr955Fit)), ("readme.txt", "x"u8.ToArray()));
        var zip = Zips.Build(
            ("DI_CONNECT/DI-Connect-Fitness/summarizedActivities.json", "[]"u8.ToArray()),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", uploads),
            ("DI_CONNECT/DI-Connect-Device/fenix.fit", Fixtures.Bytes("fit/garmin-fenix-5-walk.fit")));

        using var archive = Zips.Open(zip);

        Assert.Equal(ExportKind.GarminConnect, archive.Kind);
        Assert.Equal(
            ["DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip/" + Fr955Fit, "DI_CONNECT/DI-Connect-Device/fenix.fit"],
            archive.Entries.Select(e => e.Path));
        Assert.Equal(6743, Zips.Read(archive.Entries[0]).Streams.Count);
        Assert.Equal("walking", Zips.Read(archive.Entries[1]).Metadata.Sport);
    }

    [Fact]
    public void Open_ZipNestedTwoLevels_ListsTheInnermostAsSkipped_WithTheReason()
    {
        var inner = Zips.Build(("deep.fit", Fixtures.Bytes("fit/garmin-fenix-5-run.fit")));
        var zip = Zips.Build(("outer.zip", Zips.Build(("inner.zip", inner))));

        using var archive = Zips.Open(zip);

        var skipped = Assert.Single(archive.Entries);
        Assert.Equal("outer.zip/inner.zip", skipped.Path);
        Assert.False(skipped.HasFile);
        Assert.Contains("one level of nesting", skipped.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UploadThatCannotSeek_IsCopiedAsideAndRead()
    {
        using var archive = ExportArchive.Open(new ForwardOnlyStream(Fixtures.Bytes(Fr955Zip)));

        Assert.Equal(6743, Zips.Read(Assert.Single(archive.Entries)).Streams.Count);
    }

    /// <summary>An upload body: readable once, no seeking, no length.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
