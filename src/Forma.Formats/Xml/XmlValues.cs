using System.Globalization;

namespace Forma.Formats.Xml;

/// <summary>
/// Turns element text into values. Empty text is a missing value (some exporters write <c>&lt;ele&gt;&lt;/ele&gt;</c>);
/// text that is present but not a finite number or a valid time rejects the file, rather than importing a
/// silently wrong sample.
/// </summary>
internal static class XmlValues
{
    /// <summary>
    /// Longer number text is refused: the longest real value we have seen is 32 characters (Garmin Connect's
    /// full-precision floats), and the parser keeps only the first few KB of a text node, so a longer one
    /// could otherwise be read from a prefix.
    /// </summary>
    private const int MaxNumberLength = 100;

    public static double Number(string text, string what, string location)
    {
        if (text.Length == 0)
        {
            return double.NaN;
        }

        // .NET reads "1e999" as infinity and "NaN" as NaN; neither is a measurement.
        if (text.Length <= MaxNumberLength && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new ActivityFormatException("xml-invalid-number", $"<{what}> holds '{Clip(text)}', which is not a finite number ({location}).");
    }

    /// <summary>A number that must lie in [min, max], such as a latitude.</summary>
    public static double Number(string text, string what, string location, double min, double max)
    {
        var value = Number(text, what, location);
        if (value < min || value > max)
        {
            throw new ActivityFormatException("xml-value-out-of-range", $"<{what}> holds {value.ToString(CultureInfo.InvariantCulture)}, outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}] ({location}).");
        }

        return value;
    }

    public static DateTime? Time(string text, string what, string location)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return IsoTimestamp.TryParse(text, out var utc)
            ? utc
            : throw new ActivityFormatException("xml-invalid-date", $"<{what}> holds '{Clip(text)}', which is not an ISO 8601 date-time ({location}).");
    }

    /// <summary>Shortens a value quoted in an error message; hostile input can make it kilobytes long.</summary>
    public static string Clip(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
