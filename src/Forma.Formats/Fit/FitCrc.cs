namespace Forma.Formats.Fit;

/// <summary>
/// The FIT CRC: CRC-16 with the reflected polynomial 0xA001 (CRC-16/ARC), initial value 0, as the FIT protocol
/// document defines it with a 16-entry nibble table. A 256-entry table gives the same result a byte at a time,
/// which matters because every byte of the file passes through it.
/// </summary>
internal static class FitCrc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < table.Length; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
