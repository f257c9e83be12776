using System.Runtime.InteropServices;
using System.Text;

namespace Forma.Formats.Fit;

/// <summary>
/// Assembles one of the few non-record messages (file_id, session, lap, …) field by field and writes its
/// definition and data. Values are given in profile units with the profile's scale and offset, so callers
/// read like the profile: <c>Add(7, UInt32, elapsed, scale: 1000)</c>.
/// </summary>
internal sealed class FitMessageBuilder
{
    /// <summary>A field is at most 255 bytes long, NUL included; a longer string is cut at a character boundary.</summary>
    private const int MaxTextBytes = 254;

    private readonly List<FitFieldSlot> _slots = [];
    private readonly List<double> _raws = [];
    private readonly List<byte[]?> _texts = [];

    public FitMessageBuilder Add(byte number, byte type, double? value, double scale = 1, double offset = 0)
    {
        _slots.Add(new FitFieldSlot(number, (byte)FitBaseType.Size(type), type));
        _raws.Add(value is { } v ? (v + offset) * scale : double.NaN);
        _texts.Add(null);
        return this;
    }

    /// <summary>A NUL-terminated UTF-8 string field; nothing when the text is null or empty.</summary>
    public FitMessageBuilder Text(byte number, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }

        var bytes = Utf8Prefix(text, MaxTextBytes);
        _slots.Add(new FitFieldSlot(number, (byte)(bytes.Length + 1), FitBaseType.String));
        _raws.Add(double.NaN);
        _texts.Add(bytes);
        return this;
    }

    /// <summary>A byte-array field (base type byte), such as developer_data_id.application_id.</summary>
    public FitMessageBuilder Bytes(byte number, byte[] bytes)
    {
        _slots.Add(new FitFieldSlot(number, (byte)bytes.Length, FitBaseType.Byte));
        _raws.Add(double.NaN);
        _texts.Add(bytes);
        return this;
    }

    public void WriteTo(FitBuffer buffer, int local, ushort global)
    {
        var slots = CollectionsMarshal.AsSpan(_slots);
        buffer.Define(local, global, slots);
        var size = 0;
        foreach (var slot in slots)
        {
            size += slot.Size;
        }

        var payload = buffer.Data(local, size);
        var at = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            var field = payload.Slice(at, slots[i].Size);
            if (_texts[i] is { } bytes)
            {
                field.Clear(); // the string's NUL terminator
                bytes.CopyTo(field);
            }
            else
            {
                FitValueWriter.Write(field, slots[i].Type, _raws[i]);
            }

            at += slots[i].Size;
        }
    }

    /// <summary>The UTF-8 bytes of the longest prefix of whole characters that fits in <paramref name="max"/> bytes.</summary>
    private static byte[] Utf8Prefix(string text, int max)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= max)
        {
            return bytes;
        }

        var cut = max;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--; // a continuation byte: the character starts earlier
        }

        return bytes[..cut];
    }
}
