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
    public static double Read(ReadOnlySpan<byte> s, byte type, bool bigEndian) => (type & 0x1F) switch
    {
        0 or 2 or 13 => Valid(s[0], 0xFF), // enum, uint8, byte
        1 => Valid((sbyte)s[0], sbyte.MaxValue),
        10 => Valid(s[0], 0), // uint8z
        3 => Valid(bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s), short.MaxValue),
        4 => Valid(U16(s, bigEndian), ushort.MaxValue),
        11 => Valid(U16(s, bigEndian), 0), // uint16z
        5 => Valid(bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s), int.MaxValue),
        6 => Valid(U32(s, bigEndian), uint.MaxValue),
        12 => Valid(U32(s, bigEndian), 0), // uint32z
        8 => U32(s, bigEndian) is var bits && bits != uint.MaxValue ? BitConverter.UInt32BitsToSingle(bits) : double.NaN,
        _ => Read64(s, type, bigEndian),
    };

    /// <summary>
    /// How a record plan reads a field of <paramref name="type"/>: the integer types in either byte order (nearly
    /// every record field; a Wahoo ELEMNT writes big-endian) get their own code, so the per-record read is one
    /// dense switch instead of a type test and a call; floats and 64-bit types go through
    /// <see cref="Read(ReadOnlySpan{byte}, byte, bool)"/>.
    /// </summary>
    public static FitReadCode CodeFor(byte type, bool bigEndian) => (type & 0x1F) switch
    {
        0 or 2 or 13 => FitReadCode.UInt8,
        1 => FitReadCode.SInt8,
        10 => FitReadCode.UInt8z,
        3 => bigEndian ? FitReadCode.SInt16BigEndian : FitReadCode.SInt16,
        4 => bigEndian ? FitReadCode.UInt16BigEndian : FitReadCode.UInt16,
        11 => bigEndian ? FitReadCode.UInt16zBigEndian : FitReadCode.UInt16z,
        5 => bigEndian ? FitReadCode.SInt32BigEndian : FitReadCode.SInt32,
        6 => bigEndian ? FitReadCode.UInt32BigEndian : FitReadCode.UInt32,
        12 => bigEndian ? FitReadCode.UInt32zBigEndian : FitReadCode.UInt32z,
        _ => FitReadCode.Other,
    };

    /// <summary>The same value as <see cref="Read(ReadOnlySpan{byte}, byte, bool)"/> for the element at <paramref name="at"/>, by the code <see cref="CodeFor"/> chose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Read(ReadOnlySpan<byte> payload, int at, FitReadCode code, byte type, bool bigEndian) => code switch
    {
        FitReadCode.UInt8 => Valid(payload[at], 0xFF),
        FitReadCode.SInt8 => Valid((sbyte)payload[at], sbyte.MaxValue),
        FitReadCode.UInt8z => Valid(payload[at], 0),
        FitReadCode.UInt16 => Valid(BinaryPrimitives.ReadUInt16LittleEndian(payload[at..]), ushort.MaxValue),
        FitReadCode.SInt16 => Valid(BinaryPrimitives.ReadInt16LittleEndian(payload[at..]), short.MaxValue),
        FitReadCode.UInt16z => Valid(BinaryPrimitives.ReadUInt16LittleEndian(payload[at..]), 0),
        FitReadCode.UInt32 => Valid(BinaryPrimitives.ReadUInt32LittleEndian(payload[at..]), uint.MaxValue),
        FitReadCode.SInt32 => Valid(BinaryPrimitives.ReadInt32LittleEndian(payload[at..]), int.MaxValue),
        FitReadCode.UInt32z => Valid(BinaryPrimitives.ReadUInt32LittleEndian(payload[at..]), 0),
        FitReadCode.UInt16BigEndian => Valid(BinaryPrimitives.ReadUInt16BigEndian(payload[at..]), ushort.MaxValue),
        FitReadCode.SInt16BigEndian => Valid(BinaryPrimitives.ReadInt16BigEndian(payload[at..]), short.MaxValue),
        FitReadCode.UInt16zBigEndian => Valid(BinaryPrimitives.ReadUInt16BigEndian(payload[at..]), 0),
        FitReadCode.UInt32BigEndian => Valid(BinaryPrimitives.ReadUInt32BigEndian(payload[at..]), uint.MaxValue),
        FitReadCode.SInt32BigEndian => Valid(BinaryPrimitives.ReadInt32BigEndian(payload[at..]), int.MaxValue),
        FitReadCode.UInt32zBigEndian => Valid(BinaryPrimitives.ReadUInt32BigEndian(payload[at..]), 0),
        _ => Read(payload[at..], type, bigEndian),
    };

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Valid(long value, long invalid) => value == invalid ? double.NaN : value;

    private static ushort U16(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);

    private static uint U32(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
}

/// <summary>A base type with its byte order resolved, for <see cref="FitBaseType.Read(ReadOnlySpan{byte}, int, FitReadCode, byte, bool)"/>.</summary>
internal enum FitReadCode : byte
{
    UInt8,
    SInt8,
    UInt8z,
    UInt16,
    SInt16,
    UInt16z,
    UInt32,
    SInt32,
    UInt32z,
    UInt16BigEndian,
    SInt16BigEndian,
    UInt16zBigEndian,
    UInt32BigEndian,
    SInt32BigEndian,
    UInt32zBigEndian,
    Other,
}
