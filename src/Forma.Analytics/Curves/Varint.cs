namespace Forma.Analytics.Curves;

/// <summary>LEB128 unsigned varints and zigzag signed mapping, as Protocol Buffers define them.</summary>
internal static class Varint
{
    public const int MaxBytes = 10;

    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    public static int Write(Span<byte> buffer, int at, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[at++] = (byte)value;
        return at;
    }

    public static ulong Read(ReadOnlySpan<byte> buffer, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= buffer.Length)
            {
                throw new FormatException("A varint runs past the end of the data.");
            }

            var b = buffer[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("A varint is longer than ten bytes.");
    }
}
