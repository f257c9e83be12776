using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using Forma.Formats.Archives;

namespace Forma.Formats.Tests.Archives;

/// <summary>Hostile and broken archives end in a typed error, quickly and without holding much memory.</summary>
public class ArchiveSafetyTests
{
    [Theory]
    [InlineData("../escape.fit")]
    [InlineData("activities/../../escape.fit")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/escape.fit")]
    [InlineData("activities\\escape.fit")]
    public void Open_UnsafeEntryName_IsRefused(string name)
    {
        var zip = Zips.Build(("fine.fit", Fixtures.Bytes("fit/garmin-fenix-5-run.fit")), (name, [1, 2, 3]));

        Assert.Equal("archive-unsafe-path", Refusal(zip).Code);
    }

    [Fact]
    public void Open_UnsafeNameInsideANestedArchive_IsRefused()
    {
        var zip = Zips.Build(("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0.zip", Zips.Build(("../../escape.fit", [1]))));

        Assert.Equal("archive-unsafe-path", Refusal(zip).Code);
    }

    [Fact]
    public void Open_HundredThousandEntries_IsRefusedFromTheEndRecord()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 100_000; i++)
            {
                zip.CreateEntry($"{i}.fit", CompressionLevel.NoCompression);
            }
        }

        Assert.Equal("archive-too-many-entries", Refusal(output.ToArray()).Code);
    }

    [Fact]
    public void Open_EntriesOfNestedArchivesCount_TowardsTheLimit()
    {
        var inner = Zips.Build([.. Enumerable.Range(0, 30).Select(i => ($"{i}.txt", new byte[] { 1 }))]);
        var zip = Zips.Build(("a.zip", inner));

        Assert.Equal("archive-too-many-entries", Refusal(zip, new ArchiveLimits { MaxEntries = 20 }).Code);
    }

    [Fact]
    public void Open_HonestZipBomb_IsRefusedByItsDeclaredRatio()
    {
        var bomb = Zips.Build(CompressionLevel.SmallestSize, ("zeros.fit", new byte[64 << 20]));

        Assert.Equal("archive-too-large", Refusal(bomb).Code);
    }

    [Fact]
    public void Open_ZipBombLyingAboutItsSize_InflatesNoMoreThanItDeclares()
    {
        // A FIT header first, so the entry sniffs as an activity and the importer reads it all.
        var content = new byte[64 << 20];
        Fixtures.Bytes("fit/garmin-fenix-5-run.fit").AsSpan(0, 14).CopyTo(content);
        var bomb = Zips.Build(CompressionLevel.SmallestSize, ("zeros.fit", content));
        DeclareUncompressedSize(bomb, 40_000);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        using var archive = Zips.Open(bomb);
        using var entry = Assert.Single(archive.Entries).Open();
        long read = 0;
        var error = Record.Exception(() =>
        {
            var buffer = new byte[81920];
            for (int got; (got = entry.Read(buffer)) > 0;)
            {
                read += got;
            }
        });

        Assert.True(error is null or ActivityFormatException { Code: "archive-too-large" }, error?.ToString());
        Assert.InRange(read, 0, 40_000);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, 16L << 20);
    }

    [Fact]
    public void EntryStream_InflatingPastTheDeclaredSize_IsTooLarge()
    {
        using var stream = new LimitedEntryStream(new MemoryStream(new byte[100_000]), "zeros.fit", 40_000, new ArchiveBudget(new ArchiveLimits()));

        Assert.Equal("archive-too-large", Assert.Throws<ActivityFormatException>(() => stream.CopyTo(Stream.Null)).Code);
    }

    [Fact]
    public void EntryStream_InflatingPastTheArchiveBudget_IsTooLarge()
    {
        var budget = new ArchiveBudget(new ArchiveLimits { MaxTotalBytes = 150_000 });
        using var first = new LimitedEntryStream(new MemoryStream(new byte[100_000]), "a.fit", 100_000, budget);
        using var second = new LimitedEntryStream(new MemoryStream(new byte[100_000]), "b.fit", 100_000, budget);
        first.CopyTo(Stream.Null);

        Assert.Equal("archive-too-large", Assert.Throws<ActivityFormatException>(() => second.CopyTo(Stream.Null)).Code);
    }

    [Fact]
    public void Open_DeclaredContentAboveTheTotal_IsRefused()
    {
        using var input = File.OpenRead(Fixtures.Path("compressed/gpl-2.0/GarminFR955v18.zip"));

        var error = Assert.Throws<ActivityFormatException>(() => ExportArchive.Open(input, new ArchiveLimits { MaxTotalBytes = 500_000 }));

        Assert.Equal("archive-too-large", error.Code);
    }

    [Fact]
    public void Open_TruncatedZip_IsCorrupt()
    {
        var zip = Fixtures.Bytes("compressed/gpl-2.0/GarminFR955v18.zip");

        Assert.Equal("archive-corrupt", Refusal(zip[..(zip.Length / 2)]).Code);
        Assert.Equal("archive-corrupt", Refusal(zip[..^30]).Code);
    }

    [Fact]
    public void Open_NotAZipAtAll_IsCorrupt()
    {
        Assert.Equal("archive-corrupt", Refusal(Fixtures.Bytes("fit/garmin-fenix-5-run.fit")).Code);
        Assert.Equal("archive-corrupt", Refusal([]).Code);
    }

    [Fact]
    public void Open_DamagedCompressedData_IsCorrupt()
    {
        var zip = Fixtures.Bytes("compressed/gpl-2.0/GarminFR955v18.zip");
        zip.AsSpan(100, 2000).Fill(0xAB);

        Assert.Equal("archive-corrupt", Refusal(zip).Code);
    }

    [Fact]
    public void Open_DamagedCentralDirectory_IsCorrupt()
    {
        var zip = Zips.Build(("a.fit", Fixtures.Bytes("fit/garmin-fenix-5-run.fit")));
        var directory = zip.AsSpan().LastIndexOf("PK\x01\x02"u8);
        zip.AsSpan(directory, 20).Clear();

        Assert.Equal("archive-corrupt", Refusal(zip).Code);
    }

    /// <summary>Opens and reads every entry, and requires the refusal within a second and a few MB of allocation.</summary>
    private static ActivityFormatException Refusal(byte[] zip, ArchiveLimits? limits = null)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<ActivityFormatException>(() =>
        {
            using var archive = Zips.Open(zip, limits);
            foreach (var entry in archive.Entries)
            {
                using var content = entry.Open();
                content.CopyTo(Stream.Null);
            }
        });

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, 16L << 20);
        return error;
    }

    /// <summary>Rewrites the uncompressed size in the first local header (APPNOTE 4.3.7) and central header (4.3.12).</summary>
    private static void DeclareUncompressedSize(byte[] zip, uint size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(22), size);
        var central = zip.AsSpan().LastIndexOf("PK\x01\x02"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), size);
    }
}
