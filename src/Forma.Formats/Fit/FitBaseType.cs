using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Forma.Formats.Fit;

/// <summary>
/// The FIT base types (protocol document, "Base Types"): the low five bits of the type byte number the type, and
/// each type has an invalid value that means "no value". Values are returned as doubles, NaN for invalid.
/// </summary>
internal static class FitBaseType
{
    public const byte Enum = 0x00;
    public const byte UInt8 = 0x02;
    public const byte String = 0x07;
    public const byte Byte = 0x0D;

    public static int Size(byte type) => (type & 0x1F) switch
    {
        3 or 4 or 11 => 2,
        5 or 6 or 8 or 12 => 4,
        9 or 14 or 15 or 16 => 8,
        _ => 1,
    };

    public static bool IsKnown(byte type) => (type & 0x1F) <= 16;

    /// <summary>Reads one element of <paramref name="type"/> from the start of <paramref name="s"/>, which holds at least <see cref="Size"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Read(ReadOnlySpan<byte> s, byte type, bool bigEndian)
    {
        switch (type & 0x1F)
        {
            case 0: // enum
            case 2: // uint8
            case 13: // byte
                return s[0] == 0xFF ? double.NaN : s[0];
            case 1:
                return s[0] == 0x7F ? double.NaN : (sbyte)s[0];
            case 10: // uint8z
                return s[0] == 0 ? double.NaN : s[0];
            case 3:
                var i16 = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s);
                return i16 == short.MaxValue ? double.NaN : i16;
            case 4:
                var u16 = U16(s, bigEndian);
                return u16 == ushort.MaxValue ? double.NaN : u16;
            case 11:
                var u16z = U16(s, bigEndian);
                return u16z == 0 ? double.NaN : u16z;
            case 5:
                var i32 = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s);
                return i32 == int.MaxValue ? double.NaN : i32;
            case 6:
                var u32 = U32(s, bigEndian);
                return u32 == uint.MaxValue ? double.NaN : u32;
            case 12:
                var u32z = U32(s, bigEndian);
                return u32z == 0 ? double.NaN : u32z;
            case 8:
                var f32 = U32(s, bigEndian);
                return f32 == uint.MaxValue ? double.NaN : BitConverter.UInt32BitsToSingle(f32);
            default:
                return Read64(s, type, bigEndian);
        }
    }

    private static double Read64(ReadOnlySpan<byte> s, byte type, bool bigEndian)
    {
        var type5 = type & 0x1F;
        if (type5 is not (9 or 14 or 15 or 16))
        {
            return double.NaN; // strings and unknown types carry no number
        }

        var u64 = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
        return type5 switch
        {
            9 => u64 == ulong.MaxValue ? double.NaN : BitConverter.UInt64BitsToDouble(u64),
            14 => u64 == long.MaxValue ? double.NaN : (long)u64,
            15 => u64 == ulong.MaxValue ? double.NaN : u64,
            _ => u64 == 0 ? double.NaN : u64,
        };
    }

    private static ushort U16(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);

    private static uint U32(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
}
