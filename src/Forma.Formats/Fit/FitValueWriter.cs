using System.Buffers.Binary;

namespace Forma.Formats.Fit;

/// <summary>
/// Writes one raw value as a FIT base type, little-endian. A NaN, or a value the type cannot hold, becomes the
/// type's invalid value (protocol document, "Base Types"), which every reader takes as "no value" — never a
/// wrapped or clamped number that would read back as a wrong sample.
/// </summary>
internal static class FitValueWriter
{
    public const byte SInt8 = 0x01;
    public const byte SInt16 = 0x83;
    public const byte UInt16 = 0x84;
    public const byte SInt32 = 0x85;
    public const byte UInt32 = 0x86;
    public const byte Float32 = 0x88;
    public const byte Float64 = 0x89;
    public const byte UInt32Z = 0x8C;

    public static void Write(Span<byte> s, byte type, double raw)
    {
        switch (type & 0x1F)
        {
            case 0 or 2 or 13: // enum, uint8, byte
                s[0] = Fits(type, raw) ? (byte)Math.Round(raw) : (byte)0xFF;
                break;
            case 1:
                s[0] = Fits(type, raw) ? (byte)(sbyte)Math.Round(raw) : (byte)0x7F;
                break;
            case 10: // uint8z
                s[0] = Fits(type, raw) ? (byte)Math.Round(raw) : (byte)0;
                break;
            case 3:
                BinaryPrimitives.WriteInt16LittleEndian(s, Fits(type, raw) ? (short)Math.Round(raw) : short.MaxValue);
                break;
            case 4:
                BinaryPrimitives.WriteUInt16LittleEndian(s, Fits(type, raw) ? (ushort)Math.Round(raw) : ushort.MaxValue);
                break;
            case 11: // uint16z
                BinaryPrimitives.WriteUInt16LittleEndian(s, Fits(type, raw) ? (ushort)Math.Round(raw) : (ushort)0);
                break;
            case 5:
                BinaryPrimitives.WriteInt32LittleEndian(s, Fits(type, raw) ? (int)Math.Round(raw) : int.MaxValue);
                break;
            case 6:
                BinaryPrimitives.WriteUInt32LittleEndian(s, Fits(type, raw) ? (uint)Math.Round(raw) : uint.MaxValue);
                break;
            case 12: // uint32z
                BinaryPrimitives.WriteUInt32LittleEndian(s, Fits(type, raw) ? (uint)Math.Round(raw) : 0);
                break;
            case 8:
                BinaryPrimitives.WriteUInt32LittleEndian(s, Fits(type, raw) ? BitConverter.SingleToUInt32Bits((float)raw) : uint.MaxValue);
                break;
            case 9:
                BinaryPrimitives.WriteUInt64LittleEndian(s, double.IsFinite(raw) ? BitConverter.DoubleToUInt64Bits(raw) : ulong.MaxValue);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "The encoder writes no 64-bit integer or string values this way.");
        }
    }

    /// <summary>Whether <paramref name="raw"/>, rounded for an integer type, is a valid (not the invalid) value of the type.</summary>
    public static bool Fits(byte type, double raw)
    {
        if (!double.IsFinite(raw))
        {
            return false;
        }

        var r = Math.Round(raw);
        return (type & 0x1F) switch
        {
            0 or 2 or 13 => r is >= 0 and <= 254,
            1 => r is >= sbyte.MinValue and < sbyte.MaxValue,
            10 => r is >= 1 and <= byte.MaxValue,
            3 => r is >= short.MinValue and < short.MaxValue,
            4 => r is >= 0 and < ushort.MaxValue,
            11 => r is >= 1 and <= ushort.MaxValue,
            5 => r is >= int.MinValue and < int.MaxValue,
            6 => r is >= 0 and < uint.MaxValue,
            12 => r is >= 1 and <= uint.MaxValue,
            8 => Math.Abs(raw) <= float.MaxValue,
            9 => true,
            _ => false,
        };
    }

    /// <summary>
    /// The profile's type for a field, or a wider integer type of the same scale when some value does not fit it
    /// (a power meter over 65,534 W is absurd, but a crafted or converted file may hold one): a reader takes a
    /// field in whatever base type its definition declares, so widening loses nothing. Float64 is the last resort.
    /// </summary>
    public static byte Widen(byte profileType, double minRaw, double maxRaw)
    {
        if (double.IsNaN(minRaw) || (Fits(profileType, minRaw) && Fits(profileType, maxRaw)))
        {
            return profileType;
        }

        ReadOnlySpan<byte> wider = minRaw < 0 ? [SInt16, SInt32] : [UInt16, UInt32];
        foreach (var type in wider)
        {
            if (FitBaseType.Size(type) > FitBaseType.Size(profileType) && Fits(type, minRaw) && Fits(type, maxRaw))
            {
                return type;
            }
        }

        return Float64;
    }
}
