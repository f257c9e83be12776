using System.Buffers;
using System.Buffers.Binary;

namespace Forma.Formats.Fit;

/// <summary>A field as a definition message lists it: number, size in bytes, and base type (or, for a developer field, its developer data index).</summary>
internal readonly record struct FitFieldSlot(byte Number, byte Size, byte Type);

/// <summary>
/// The bytes of one FIT file being written, in a pooled array that grows by doubling. The 14-byte header is
/// reserved up front and filled in by <see cref="Finish"/>, which also appends the file CRC, so the whole file
/// is written in one pass with no copy until the caller takes the result.
/// </summary>
internal sealed class FitBuffer : IDisposable
{
    public const int HeaderSize = 14;

    /// <summary>Protocol 2.0: the first version with developer fields.</summary>
    private const byte ProtocolVersion = 0x20;

    /// <summary>Profile 21.40; readers use it only to decide which fields they may not know.</summary>
    private const ushort ProfileVersion = 2140;

    private readonly byte[]?[] _definitions = new byte[16][];
    private byte[] _bytes;

    public FitBuffer(int capacity)
    {
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1024));
        Length = HeaderSize;
    }

    public int Length { get; private set; }

    /// <summary>The next <paramref name="count"/> bytes, to be filled by the caller.</summary>
    public Span<byte> Take(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Grow(Length + count);
        }

        var span = _bytes.AsSpan(Length, count);
        Length += count;
        return span;
    }

    /// <summary>
    /// Writes a definition message for a local type, unless the last one written for it was the same: laps or
    /// sessions in a row then share one definition, as a device would write them.
    /// </summary>
    public void Define(int local, ushort global, ReadOnlySpan<FitFieldSlot> fields, ReadOnlySpan<FitFieldSlot> developer = default)
    {
        var start = Length;
        var size = 6 + (fields.Length * 3) + (developer.IsEmpty ? 0 : 1 + (developer.Length * 3));
        var s = Take(size);
        s[0] = (byte)(0x40 | (developer.IsEmpty ? 0 : 0x20) | local);
        s[1] = 0; // reserved
        s[2] = 0; // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(s[3..], global);
        s[5] = (byte)fields.Length;
        var at = 6;
        foreach (var field in fields)
        {
            s[at++] = field.Number;
            s[at++] = field.Size;
            s[at++] = field.Type;
        }

        if (!developer.IsEmpty)
        {
            s[at++] = (byte)developer.Length;
            foreach (var field in developer)
            {
                s[at++] = field.Number;
                s[at++] = field.Size;
                s[at++] = field.Type;
            }
        }

        if (_definitions[local] is { } last && s.SequenceEqual(last))
        {
            Length = start;
            return;
        }

        _definitions[local] = s.ToArray();
    }

    /// <summary>A data message's header byte for <paramref name="local"/>, and its payload to fill.</summary>
    public Span<byte> Data(int local, int payloadSize)
    {
        var s = Take(1 + payloadSize);
        s[0] = (byte)local;
        return s[1..];
    }

    /// <summary>Fills in the header (with its CRC), appends the file CRC, and returns the whole file.</summary>
    public ReadOnlySpan<byte> Finish()
    {
        var dataSize = Length - HeaderSize;
        var header = _bytes.AsSpan(0, HeaderSize);
        header[0] = HeaderSize;
        header[1] = ProtocolVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], ProfileVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)dataSize);
        ".FIT"u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], FitCrc.Compute(header[..12]));
        var crc = FitCrc.Compute(_bytes.AsSpan(0, Length));
        BinaryPrimitives.WriteUInt16LittleEndian(Take(2), crc);
        return _bytes.AsSpan(0, Length);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void Grow(int needed)
    {
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _bytes.Length * 2));
        _bytes.AsSpan(0, Length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = grown;
    }
}
