using System.Globalization;

namespace Forma.Formats.Archives;

/// <summary>Apple Health's workout attributes in our model's terms: sport names, dates, units.</summary>
internal static class AppleValues
{
    private const string TypePrefix = "HKWorkoutActivityType";

    /// <summary>"HKWorkoutActivityTypeRunning" gives running; types without a FIT equivalent pass through lower-cased.</summary>
    public static string? Sport(string? type)
    {
        if (type is null)
        {
            return null;
        }

        var name = type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type[TypePrefix.Length..] : type;
        return name switch
        {
            "Running" => "running",
            "Cycling" => "cycling",
            "Walking" => "walking",
            "Hiking" => "hiking",
            "Swimming" => "swimming",
            _ => name.ToLowerInvariant(),
        };
    }

    /// <summary>Apple writes local time with its offset: "2016-11-14 07:25:41 -0700".</summary>
    public static DateTime? Date(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.UtcDateTime
            : null;

    public static TimeSpan? Duration(string? value, string? unit)
    {
        double? seconds = Number(value) is not { } v ? null : unit switch
        {
            "s" or "sec" => v,
            "min" => v * 60,
            "hr" or "h" => v * 3600,
            _ => null,
        };
        return seconds is { } s && s >= 0 && s < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(s) : null;
    }

    /// <summary>Metres; HealthKit's length units (international yard and mile: 0.9144 m, 1609.344 m).</summary>
    public static double? Distance(string? value, string? unit) => Number(value) is not { } v ? null : unit switch
    {
        "m" => v,
        "km" => v * 1000,
        "mi" => v * 1609.344,
        "yd" => v * 0.9144,
        "ft" => v * 0.3048,
        _ => null,
    };

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
