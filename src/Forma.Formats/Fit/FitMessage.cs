using System.Text;

namespace Forma.Formats.Fit;

/// <summary>
/// One data message as it lies in the input: nothing is decoded until a field is asked for, so a message the
/// caller does not care about costs only its header byte.
/// </summary>
public readonly ref struct FitMessage
{
    internal FitMessage(FitDefinition definition, ReadOnlySpan<byte> payload, long timestamp, int fileIndex)
    {
        Definition = definition;
        Payload = payload;
        Timestamp = timestamp;
        FileIndex = fileIndex;
    }

    /// <summary>The profile's global message number (20 = record, 18 = session, …).</summary>
    public ushort GlobalNumber => Definition.GlobalNumber;

    /// <summary>Seconds since the FIT epoch from the timestamp field or a compressed-timestamp header; -1 when neither.</summary>
    public long Timestamp { get; }

    /// <summary>Which of several chained FIT files in the input the message came from, from 0.</summary>
    public int FileIndex { get; }

    public ReadOnlySpan<byte> Payload { get; }

    public int FieldCount => Definition.FieldNumbers.Length;

    internal FitDefinition Definition { get; }

    public bool Has(byte fieldNumber) => Definition.IndexOf(fieldNumber) >= 0;

    /// <summary>The raw (unscaled) value of one element of a field; NaN when the field is absent or invalid.</summary>
    public double GetRaw(byte fieldNumber, int element = 0)
    {
        var i = Definition.IndexOf(fieldNumber);
        if (i < 0)
        {
            return double.NaN;
        }

        var type = Definition.BaseTypes[i];
        var size = FitBaseType.Size(type);
        if (element < 0 || (element + 1) * size > Definition.FieldSizes[i])
        {
            return double.NaN;
        }

        return FitBaseType.Read(Payload[(Definition.Offsets[i] + (element * size))..], type, Definition.BigEndian);
    }

    /// <summary>How many elements of its base type a field holds (an array field's length); 0 when absent.</summary>
    public int ElementCount(byte fieldNumber)
    {
        var i = Definition.IndexOf(fieldNumber);
        return i < 0 ? 0 : Definition.FieldSizes[i] / FitBaseType.Size(Definition.BaseTypes[i]);
    }

    /// <summary>The profile value: raw / scale - offset, NaN when invalid.</summary>
    public double Get(byte fieldNumber, double scale = 1, double offset = 0) => (GetRaw(fieldNumber) / scale) - offset;

    /// <summary>A UTF-8 string field up to its first NUL; null when absent or empty.</summary>
    public string? GetString(byte fieldNumber)
    {
        var i = Definition.IndexOf(fieldNumber);
        if (i < 0 || (Definition.BaseTypes[i] & 0x1F) != FitBaseType.String)
        {
            return null;
        }

        var bytes = Payload.Slice(Definition.Offsets[i], Definition.FieldSizes[i]);
        var end = bytes.IndexOf((byte)0);
        if (end >= 0)
        {
            bytes = bytes[..end];
        }

        return bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes);
    }
}
