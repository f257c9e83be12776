using System.Buffers.Binary;
using Forma.Formats.Archives;

namespace Forma.Formats.Tests.Archives;

/// <summary>Issue #18 B.1: entries are counted record by record and the count stops one past the limit.</summary>
public class EntryCountTests
{
    private static readonly byte[] SixtyEntries = Zips.Build([.. Enumerable.Range(0, 60).Select(i => ($"tiny/{i}.gpx", "<gpx/>"u8.ToArray()))]);

    [Fact]
    public void CountEntries_BelowTheStop_IsExact_AndPastItStopsOneBeyond()
    {
        Assert.Equal(60, ExportArchive.CountEntries(new MemoryStream(SixtyEntries), stopAfter: 100));
        Assert.Equal(51, ExportArchive.CountEntries(new MemoryStream(SixtyEntries), stopAfter: 50));
    }

    [Fact]
    public void CountEntries_OfSomethingElse_IsNull()
    {
        Assert.Null(ExportArchive.CountEntries(new MemoryStream(Fixtures.Bytes("fit/garmin-fenix-5-run.fit")), stopAfter: 10));
    }

    /// <summary>APPNOTE 4.3.16: the end record's entry counts sit at offsets 8 (this disk) and 10 (total).</summary>
    [Fact]
    public void Open_EndRecordThatUnderstatesTheEntries_IsRefusedByTheCountOfRecords()
    {
        var liar = SixtyEntries.ToArray();
        var end = liar.Length - 22; // no archive comment: the end record is the last 22 bytes
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(liar.AsSpan(end)));
        BinaryPrimitives.WriteUInt16LittleEndian(liar.AsSpan(end + 8), 5);
        BinaryPrimitives.WriteUInt16LittleEndian(liar.AsSpan(end + 10), 5);

        var error = Assert.Throws<ActivityFormatException>(() => Zips.Open(liar, new ArchiveLimits { MaxEntries = 50 }).Dispose());

        Assert.Equal("archive-too-many-entries", error.Code);
        Assert.Contains("more than 50 entries (counting stopped at 51)", error.Message, StringComparison.Ordinal);
    }
}
