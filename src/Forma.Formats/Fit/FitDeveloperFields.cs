using System.Globalization;

namespace Forma.Formats.Fit;

/// <summary>What a field_description message (global 206) says about one developer field.</summary>
internal sealed record FitDeveloperField(string Name, string? Units, byte BaseType, double Scale, double Offset);

/// <summary>
/// Developer field descriptions of the current FIT file, keyed by developer data index and field number.
/// A chained file starts afresh, as its developer_data_id messages do.
/// </summary>
internal sealed class FitDeveloperFields
{
    public const ushort FieldDescription = 206;
    private readonly Dictionary<int, FitDeveloperField> _fields = [];

    public void Clear() => _fields.Clear();

    public FitDeveloperField? Find(byte developerIndex, byte number) => _fields.GetValueOrDefault((developerIndex << 8) | number);

    public void Add(in FitMessage message)
    {
        var index = message.GetRaw(0);
        var number = message.GetRaw(1);
        var type = message.GetRaw(2);
        if (double.IsNaN(index) || double.IsNaN(number) || double.IsNaN(type))
        {
            return;
        }

        var scale = message.GetRaw(6);
        var offset = message.GetRaw(7);
        var name = message.GetString(3) ?? string.Create(CultureInfo.InvariantCulture, $"developer_{(int)index}_{(int)number}");
        _fields[((int)index << 8) | (int)number] = new FitDeveloperField(
            name,
            message.GetString(8),
            (byte)type,
            double.IsNaN(scale) || scale == 0 ? 1 : scale,
            double.IsNaN(offset) ? 0 : offset);
    }
}
