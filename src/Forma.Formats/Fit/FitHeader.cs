using System.Buffers.Binary;

namespace Forma.Formats.Fit;

/// <summary>The 12- or 14-byte file header: size, protocol and profile versions, data size, ".FIT", and (14 bytes) a header CRC.</summary>
internal readonly record struct FitHeader(int Size, uint DataSize, ushort? HeaderCrc)
{
    /// <summary>Parses the header at the start of <paramref name="s"/>; throws when <paramref name="strict"/>, else returns null with the problem.</summary>
    public static FitHeader? Parse(ReadOnlySpan<byte> s, long offset, bool strict, out string? problem)
    {
        problem = s.Length < 12 ? "fewer than 12 bytes where a FIT file header should start"
            : s[0] is not (12 or 14) ? $"header size {s[0]} is neither 12 nor 14"
            : s[0] > s.Length ? "the file header is cut short"
            : !s.Slice(8, 4).SequenceEqual(".FIT"u8) ? "the \".FIT\" signature is missing"
            : null;
        if (problem is not null)
        {
            if (strict)
            {
                throw new ActivityFormatException("fit-header-invalid", $"Not a FIT file header: {problem}.", offset);
            }

            return null;
        }

        var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(s[4..]);
        ushort? crc = s[0] == 14 ? BinaryPrimitives.ReadUInt16LittleEndian(s[12..]) : null;
        return new FitHeader(s[0], dataSize, crc);
    }
}
