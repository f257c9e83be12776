using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Forma.Formats.Fit;

/// <summary>
/// Writes the streams as record messages (global 20), one per row, all under one definition. Each stream the
/// decoder maps from a profile field goes back to that field with its scale and offset (for speed and altitude
/// to both the enhanced and the plain field, as devices write them); any other stream becomes a developer field
/// whose field_description carries its name and units, so it decodes under the same name.
/// </summary>
internal sealed class FitRecordEncoder
{
    public const ushort Record = 20;
    private const ushort DeveloperDataId = 207;
    private const byte RecordLocal = 0;
    private const double DegreesToSemicircles = 2147483648.0 / 180.0;

    /// <summary>A definition lists at most 255 developer fields.</summary>
    private const int MaxDeveloperFields = 255;

    /// <summary>Identifies Forma as the application that defined the developer fields (developer_data_id.application_id).</summary>
    private static readonly byte[] ApplicationId = [0x46, 0x6F, 0x72, 0x6D, 0x61, 0x2D, 0x46, 0x49, 0x54, 0x2D, 0x65, 0x6E, 0x63, 0x6F, 0x64, 0x65];

    /// <summary>Stream name to the profile fields that hold it in full (not the low-bit accumulated ones), enhanced first.</summary>
    private static readonly FrozenDictionary<string, byte[]> ProfileFields = BuildProfileFields();

    private readonly List<Column> _columns = [];
    private readonly List<FitFieldSlot> _slots = [];
    private readonly List<FitFieldSlot> _developerSlots = [];
    private readonly List<(string Name, string? Units, byte Type)> _descriptions = [];
    private readonly int _rows;

    /// <param name="timeOrigin">FIT seconds that the time stream counts from: the start time, or 0 for device-relative times.</param>
    public FitRecordEncoder(SampleStreams streams, IReadOnlyDictionary<string, string>? units, double timeOrigin)
    {
        _rows = streams.Count;
        foreach (var (name, values) in streams.All.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (name == StreamNames.Time)
            {
                AddProfile(values, FitRecordFields.Timestamp, FitValueWriter.UInt32, 1, timeOrigin, widen: false);
            }
            else if (ProfileFields.TryGetValue(name, out var numbers))
            {
                AddProfileStream(values, numbers);
            }
            else if (_descriptions.Count < MaxDeveloperFields)
            {
                AddDeveloper(name, units?.GetValueOrDefault(name), values);
            }
        }

        RecordSize = _columns.Sum(c => FitBaseType.Size(c.Type));
    }

    /// <summary>Bytes of one record's payload.</summary>
    public int RecordSize { get; }

    /// <summary>developer_data_id and a field_description for each developer field; nothing when there are none.</summary>
    public void WriteDeveloperDescriptions(FitBuffer buffer, int local)
    {
        if (_descriptions.Count == 0)
        {
            return;
        }

        new FitMessageBuilder().Bytes(1, ApplicationId).Add(3, FitBaseType.UInt8, 0).WriteTo(buffer, local, DeveloperDataId);
        for (var i = 0; i < _descriptions.Count; i++)
        {
            var (name, units, type) = _descriptions[i];
            new FitMessageBuilder()
                .Add(0, FitBaseType.UInt8, 0)
                .Add(1, FitBaseType.UInt8, i)
                .Add(2, FitBaseType.UInt8, type)
                .Text(3, name)
                .Text(8, units)
                .Add(14, FitValueWriter.UInt16, Record) // native_mesg_num: these fields ride on records
                .WriteTo(buffer, local, FitDeveloperFields.FieldDescription);
        }
    }

    public void WriteRecords(FitBuffer buffer)
    {
        if (_columns.Count == 0)
        {
            return;
        }

        buffer.Define(RecordLocal, Record, CollectionsMarshal.AsSpan(_slots), CollectionsMarshal.AsSpan(_developerSlots));
        var columns = CollectionsMarshal.AsSpan(_columns);
        for (var row = 0; row < _rows; row++)
        {
            WriteRow(buffer.Data(RecordLocal, RecordSize), columns, row);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteRow(Span<byte> payload, ReadOnlySpan<Column> columns, int row)
    {
        var at = 0;
        foreach (ref readonly var column in columns)
        {
            FitValueWriter.Write(payload[at..], column.Type, (column.Values[row] + column.Offset) * column.Scale);
            at += column.Size;
        }
    }

    private void AddProfileStream(double[] values, byte[] numbers)
    {
        for (var i = 0; i < numbers.Length; i++)
        {
            var number = numbers[i];
            var info = FitRecordFields.Find(number)!;
            var isPosition = number is FitRecordFields.PositionLat or FitRecordFields.PositionLong;
            var scale = isPosition ? DegreesToSemicircles : info.Scale;
            var type = FitRecordTypes.Of(number) ?? throw new InvalidOperationException($"Record field {number} has no base type in FitRecordTypes.");

            // Only the first (enhanced) field widens; the plain one of a pair is left invalid where a value does not fit.
            if (!AddProfile(values, number, type, scale, isPosition ? 0 : info.Offset, widen: i == 0))
            {
                return;
            }
        }
    }

    /// <returns>False when the stream has no value at all, so it is not written.</returns>
    private bool AddProfile(double[] values, byte number, byte type, double scale, double offset, bool widen)
    {
        var (min, max) = RawRange(values, scale, offset);
        if (double.IsNaN(min))
        {
            return false;
        }

        if (widen)
        {
            type = FitValueWriter.Widen(type, min, max);
        }

        var size = (byte)FitBaseType.Size(type);
        _slots.Add(new FitFieldSlot(number, size, type));
        _columns.Insert(_slots.Count - 1, new Column(values, type, size, scale, offset)); // profile fields come before developer fields
        return true;
    }

    /// <summary>Float32 when every value survives the round trip through it, else float64: either way the value reads back exactly.</summary>
    private void AddDeveloper(string name, string? units, double[] values)
    {
        var any = false;
        var single = true;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                any = true;
                single &= (double)(float)v == v;
            }
        }

        if (!any)
        {
            return;
        }

        var type = single ? FitValueWriter.Float32 : FitValueWriter.Float64;
        var size = (byte)FitBaseType.Size(type);
        _developerSlots.Add(new FitFieldSlot((byte)_descriptions.Count, size, 0));
        _descriptions.Add((name, units, type));
        _columns.Add(new Column(values, type, size, 1, 0));
    }

    private static (double Min, double Max) RawRange(double[] values, double scale, double offset)
    {
        var min = double.NaN;
        var max = double.NaN;
        foreach (var v in values)
        {
            var raw = (v + offset) * scale;
            if (!double.IsNaN(raw))
            {
                min = double.IsNaN(min) ? raw : Math.Min(min, raw);
                max = double.IsNaN(max) ? raw : Math.Max(max, raw);
            }
        }

        return (min, max);
    }

    private static FrozenDictionary<string, byte[]> BuildProfileFields()
    {
        var fields = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        for (var n = 255; n >= 0; n--)
        {
            if (FitRecordFields.Find((byte)n) is { Bits: 0 } info && n != FitRecordFields.CompressedSpeedDistance)
            {
                (fields.TryGetValue(info.Name, out var list) ? list : fields[info.Name] = []).Add((byte)n);
            }
        }

        return fields.ToFrozenDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal);
    }

    private readonly record struct Column(double[] Values, byte Type, byte Size, double Scale, double Offset);
}
