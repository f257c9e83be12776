using System.Globalization;

namespace Forma.Formats.Fit;

/// <summary>Looks up a profile enum's name; a number the table lacks comes through as its digits, so it can still be looked up later.</summary>
internal static class FitEnumNames
{
    /// <summary>The name, the digits when unnamed, or null when the value is invalid (NaN).</summary>
    public static string? Name(IReadOnlyDictionary<int, string> names, double raw)
    {
        if (double.IsNaN(raw))
        {
            return null;
        }

        // A corrupt file can declare the field as any base type, so the value need not fit an int.
        return raw is >= int.MinValue and <= int.MaxValue && raw == Math.Floor(raw) && names.TryGetValue((int)raw, out var name)
            ? name
            : raw.ToString(CultureInfo.InvariantCulture);
    }
}
