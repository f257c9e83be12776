using System.Buffers.Binary;

namespace Forma.Formats.Fit;

/// <summary>
/// Counts the record messages before decoding, so the columns are allocated once at their final size. It only
/// follows the message headers and each local type's size: no CRC, no definitions kept, no timestamps, which
/// makes it a fraction of the cost of a reader pass. It reports nothing: at the first thing that does not add up
/// it returns what it has counted, and the real pass (which checks everything) reports the problem; a wrong
/// count only costs a resize.
/// </summary>
internal static class FitRecordCounter
{
    public static int Count(ReadOnlySpan<byte> data, ushort global)
    {
        Span<int> sizes = stackalloc int[16];
        Span<int> globals = stackalloc int[16];
        var count = 0;
        var pos = 0;
        while (pos + 12 <= data.Length && data[pos] is 12 or 14)
        {
            var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 4)..]);
            var p = pos + data[pos];
            var end = (int)Math.Min(p + (long)dataSize, data.Length);
            globals.Fill(-1);
            while (p < end)
            {
                var header = data[p];
                if ((header & 0xC0) != 0x40)
                {
                    var local = (header & 0x80) != 0 ? (header >> 5) & 0x03 : header & 0x0F;
                    if (globals[local] < 0)
                    {
                        return count;
                    }

                    count += globals[local] == global ? 1 : 0;
                    p += 1 + sizes[local];
                    continue;
                }

                if (!Definition(data[..end], ref p, out var number, out var size))
                {
                    return count;
                }

                globals[header & 0x0F] = number;
                sizes[header & 0x0F] = size;
            }

            pos = end + 2;
        }

        return count;
    }

    /// <summary>Reads the definition at <paramref name="p"/>: its global number and the size of its data messages.</summary>
    private static bool Definition(ReadOnlySpan<byte> data, ref int p, out int global, out int size)
    {
        global = size = 0;
        var header = data[p];
        if (p + 6 > data.Length)
        {
            return false;
        }

        global = data[p + 2] == 1
            ? BinaryPrimitives.ReadUInt16BigEndian(data[(p + 3)..])
            : BinaryPrimitives.ReadUInt16LittleEndian(data[(p + 3)..]);
        var fields = data[p + 5];
        var q = p + 6;
        for (var group = 0; group < ((header & 0x20) != 0 ? 2 : 1); group++)
        {
            if (group == 1)
            {
                if (q >= data.Length)
                {
                    return false;
                }

                fields = data[q++]; // developer fields follow the field definitions, after their count
            }

            if (q + (fields * 3) > data.Length)
            {
                return false;
            }

            for (var i = 0; i < fields; i++, q += 3)
            {
                size += data[q + 1];
            }
        }

        p = q;
        return true;
    }
}
