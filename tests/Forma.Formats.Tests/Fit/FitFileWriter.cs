using System.Buffers.Binary;
using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

/// <summary>Writes small FIT files by hand for tests of one protocol feature at a time.</summary>
internal sealed class FitFileWriter
{
    public const byte Uint8 = 0x02;
    public const byte Sint8 = 0x01;
    public const byte Uint16 = 0x84;
    public const byte Sint32 = 0x85;
    public const byte Uint32 = 0x86;
    public const byte Bytes = 0x0D;
    public const byte Text = 0x07;

    private readonly List<byte> _data = [];

    public FitFileWriter Define(int local, ushort global, bool bigEndian, params (byte Number, byte Size, byte Type)[] fields) =>
        Define(local, global, bigEndian, fields, []);

    public FitFileWriter Define(int local, ushort global, bool bigEndian, (byte Number, byte Size, byte Type)[] fields, (byte Number, byte Size, byte Index)[] developer)
    {
        _data.Add((byte)(0x40 | (developer.Length > 0 ? 0x20 : 0) | local));
        _data.AddRange([0, bigEndian ? (byte)1 : (byte)0]);
        _data.AddRange(bigEndian ? [(byte)(global >> 8), (byte)global] : [(byte)global, (byte)(global >> 8)]);
        _data.Add((byte)fields.Length);
        foreach (var (number, size, type) in fields)
        {
            _data.AddRange([number, size, type]);
        }

        if (developer.Length > 0)
        {
            _data.Add((byte)developer.Length);
            foreach (var (number, size, index) in developer)
            {
                _data.AddRange([number, size, index]);
            }
        }

        return this;
    }

    public FitFileWriter Data(int local, params byte[] payload) => Raw([(byte)local, .. payload]);

    /// <summary>A data message with a compressed-timestamp header: local type 0-3 and a 5-bit time offset.</summary>
    public FitFileWriter Compressed(int local, int timeOffset, params byte[] payload) =>
        Raw([(byte)(0x80 | (local << 5) | timeOffset), .. payload]);

    public FitFileWriter Raw(params byte[] bytes)
    {
        _data.AddRange(bytes);
        return this;
    }

    public byte[] Build(int headerSize = 14, bool headerCrc = true)
    {
        var file = new byte[headerSize + _data.Count + 2];
        file[0] = (byte)headerSize;
        file[1] = 0x20;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 2100);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)_data.Count);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        if (headerSize == 14 && headerCrc)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        }

        _data.CopyTo(file, headerSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), FitCrc.Compute(file.AsSpan(0, file.Length - 2)));
        return file;
    }

    public static byte[] U16(int v, bool bigEndian = false) =>
        bigEndian ? [(byte)(v >> 8), (byte)v] : [(byte)v, (byte)(v >> 8)];

    public static byte[] U32(long v, bool bigEndian = false) =>
        bigEndian ? [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v] : [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)];
}
