using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Forma.Formats;

/// <summary>
/// Stores sample streams compactly and reads them back exactly: a small header, then each stream's name
/// and its values as little-endian doubles, Brotli-compressed (long runs of NaN and slowly changing values
/// compress well). Used to keep decoded streams beside the original file, so an activity's charts never
/// need the original re-parsed.
/// </summary>
public static class StreamCodec
{
    private const uint Magic = 0x31535346; // "FSS1"
    private const int MaxStreams = 4096;
    private const int MaxNameBytes = 256;

    public static byte[] Encode(SampleStreams streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            Span<byte> header = stackalloc byte[12];
            BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], streams.Count);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], streams.All.Count);
            brotli.Write(header);
            var values = new byte[streams.Count * sizeof(double)];
            Span<byte> length = stackalloc byte[2];
            foreach (var (name, column) in streams.All)
            {
                var nameBytes = Encoding.UTF8.GetBytes(name);
                BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)nameBytes.Length);
                brotli.Write(length);
                brotli.Write(nameBytes);
                for (var i = 0; i < column.Length; i++)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(values.AsSpan(i * sizeof(double)), column[i]);
                }

                brotli.Write(values);
            }
        }

        return output.ToArray();
    }

    public static SampleStreams Decode(Stream encoded)
    {
        try
        {
            return DecodeUnchecked(encoded);
        }
        // BrotliStream reports bad input as InvalidOperationException ("Decoder ran into invalid data").
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or OverflowException or InvalidOperationException)
        {
            throw new ActivityFormatException("streams-invalid", "The stored streams are damaged.", null, error);
        }
    }

    private static SampleStreams DecodeUnchecked(Stream encoded)
    {
        using var brotli = new BrotliStream(encoded, CompressionMode.Decompress, leaveOpen: true);
        Span<byte> header = stackalloc byte[12];
        brotli.ReadExactly(header);
        var count = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        var streamCount = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic || count < 0 || streamCount is < 0 or > MaxStreams)
        {
            throw new ActivityFormatException("streams-invalid", "The stored streams are damaged.");
        }

        var streams = new Dictionary<string, double[]>(streamCount, StringComparer.Ordinal);
        var values = new byte[count * sizeof(double)];
        Span<byte> length = stackalloc byte[2];
        for (var s = 0; s < streamCount; s++)
        {
            brotli.ReadExactly(length);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(length);
            if (nameLength > MaxNameBytes)
            {
                throw new ActivityFormatException("streams-invalid", "The stored streams are damaged.");
            }

            var name = new byte[nameLength];
            brotli.ReadExactly(name);
            brotli.ReadExactly(values);
            var column = new double[count];
            for (var i = 0; i < count; i++)
            {
                column[i] = BinaryPrimitives.ReadDoubleLittleEndian(values.AsSpan(i * sizeof(double)));
            }

            streams[Encoding.UTF8.GetString(name)] = column;
        }

        return new SampleStreams(count, streams);
    }
}
