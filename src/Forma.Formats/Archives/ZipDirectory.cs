using System.Buffers.Binary;

namespace Forma.Formats.Archives;

/// <summary>
/// Reads the entry count from a zip's end-of-central-directory record (APPNOTE 4.3.16, and 4.3.14-15 for
/// Zip64) before the runtime parses the directory, which allocates per entry: a million-entry archive is
/// refused for a few hundred bytes read.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The entry count the archive states; null when no end record is found (not a zip, or cut short).</summary>
    public static long? EntryCount(Stream zip) => FindEnd(zip)?.Count;

    /// <summary>
    /// Counts the records of the central directory one at a time, reading only their fixed parts and lengths, and
    /// stops as soon as the count passes <paramref name="stopAfter"/>: a listing is never built, so an archive of
    /// a million entries costs what its first <paramref name="stopAfter"/> records cost. Counts what is there, not
    /// what the end record claims. Null when no end record is found.
    /// </summary>
    public static long? CountEntries(Stream zip, long stopAfter)
    {
        if (FindEnd(zip) is not { } end || end.DirectoryOffset < 0 || end.DirectoryOffset > zip.Length)
        {
            return null;
        }

        const uint CentralHeaderSignature = 0x02014b50;
        const int CentralHeaderLength = 46;
        // Small reads and forward seeks; the file streams we are given buffer them.
        var records = zip;
        records.Position = end.DirectoryOffset;
        var header = new byte[CentralHeaderLength];
        long count = 0;
        while (count <= stopAfter
            && records.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && BinaryPrimitives.ReadUInt32LittleEndian(header) == CentralHeaderSignature)
        {
            count++;
            var variable = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28))
                + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30))
                + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            records.Seek(variable, SeekOrigin.Current);
        }

        return count;
    }

    private static (long Count, long DirectoryOffset)? FindEnd(Stream zip)
    {
        var tailLength = (int)Math.Min(zip.Length, EndLength + MaxCommentLength);
        if (tailLength < EndLength)
        {
            return null;
        }

        var tail = ReadAt(zip, zip.Length - tailLength, tailLength);
        var end = LastEndRecord(tail);
        if (end < 0)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (count != ushort.MaxValue && directoryOffset != uint.MaxValue)
        {
            return (count, directoryOffset);
        }

        return Zip64End(zip, tail, end, zip.Length - tailLength) ?? (count, directoryOffset);
    }

    private static int LastEndRecord(byte[] tail)
    {
        for (var i = tail.Length - EndLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The Zip64 locator sits right before the classic end record and points at the Zip64 end record.</summary>
    private static (long Count, long DirectoryOffset)? Zip64End(Stream zip, byte[] tail, int end, long tailStart)
    {
        const int LocatorLength = 20;
        if (end < LocatorLength || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end - LocatorLength)) != Zip64LocatorSignature)
        {
            return null;
        }

        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(end - LocatorLength + 8));
        if (recordOffset < 0 || recordOffset > tailStart + end - 56)
        {
            return null;
        }

        var record = ReadAt(zip, recordOffset, 56);
        return BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndSignature
            ? ((long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), long.MaxValue),
               (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48)), long.MaxValue))
            : null;
    }

    private static byte[] ReadAt(Stream zip, long offset, int length)
    {
        var buffer = new byte[length];
        zip.Position = offset;
        zip.ReadExactly(buffer);
        return buffer;
    }
}
