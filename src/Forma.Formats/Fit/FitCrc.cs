using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Forma.Formats.Fit;

/// <summary>
/// The FIT CRC: CRC-16 with the reflected polynomial 0xA001 (CRC-16/ARC), initial value 0, as the FIT protocol
/// document defines it with a 16-entry nibble table. Every byte of the file passes through it, so it runs
/// eight bytes a step ("slicing-by-8": table k holds the CRC of a byte followed by k zero bytes), which gives
/// the same result as the byte-at-a-time loop several times faster.
/// </summary>
internal static class FitCrc
{
    private static readonly ushort[] Tables = BuildTables();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var t = Tables.AsSpan();
        uint crc = 0;
        while (data.Length >= 8)
        {
            var x = crc ^ BinaryPrimitives.ReadUInt16LittleEndian(data);
            crc = (uint)(t[(7 * 256) + (int)(x & 0xFF)] ^ t[(6 * 256) + (int)(x >> 8)]
                ^ t[(5 * 256) + data[2]] ^ t[(4 * 256) + data[3]] ^ t[(3 * 256) + data[4]]
                ^ t[(2 * 256) + data[5]] ^ t[256 + data[6]] ^ t[data[7]]);
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = (crc >> 8) ^ t[(int)((crc ^ b) & 0xFF)];
        }

        return (ushort)crc;
    }

    private static ushort[] BuildTables()
    {
        var tables = new ushort[8 * 256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            tables[i] = crc;
        }

        for (var k = 1; k < 8; k++)
        {
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[((k - 1) * 256) + i];
                tables[(k * 256) + i] = (ushort)((previous >> 8) ^ tables[previous & 0xFF]);
            }
        }

        return tables;
    }
}
