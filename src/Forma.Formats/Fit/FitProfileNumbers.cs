using System.Globalization;

namespace Forma.Formats.Fit;

/// <summary>
/// The decoder's names turned back into profile numbers: sport and sub_sport, manufacturer, and Garmin product.
/// The tables are the decoder's own (<see cref="FitSportNames"/>, <see cref="FitManufacturerNames"/>) read
/// backwards once, so a name the decoder learns is one the encoder writes without a second list to keep in step.
/// A name that is a number (the decoder's spelling of an enum value it has no name for) is that number.
/// </summary>
internal static class FitProfileNumbers
{
    public const ushort Development = 255;

    /// <summary>The decoder's manufacturer and product tables name numbers below this; above it they are digits.</summary>
    public const int NamedBelow = 10_000;

    /// <summary>The profile's value for "all" in sport and sub_sport.</summary>
    private const int All = 254;

    private static readonly Dictionary<string, int> Sports = Invert(0, 253, FitSportNames.Sport);
    private static readonly Dictionary<string, int> SubSports = Invert(0, 253, FitSportNames.SubSport);
    private static readonly Dictionary<string, int> Empty = [];

    // The decoder names numbers below 10,000 only (a test keeps it so); scanning further would cost start-up time for nothing.
    private static readonly Dictionary<string, int> Manufacturers = Invert(0, NamedBelow - 1, FitManufacturerNames.Manufacturer);
    private static readonly Dictionary<string, int> GarminProducts = Invert(0, NamedBelow - 1, raw => FitManufacturerNames.Product(1, raw));

    public static double? Sport(string? name) => name == "all" ? All : Lookup(Sports, name, 253);

    public static double? SubSport(string? name) => name == "all" ? All : Lookup(SubSports, name, 253);

    /// <summary>The manufacturer's number; <c>development</c> (255) for a name the profile does not have or none.</summary>
    public static ushort Manufacturer(string? name) => (ushort)(Lookup(Manufacturers, name, ushort.MaxValue - 1) ?? Development);

    /// <summary>
    /// The product's number where the name is one (or, for Garmin-family devices, a garmin_product name); null
    /// when it is a free-text product name, which file_id.product_name carries instead.
    /// </summary>
    public static ushort? Product(ushort manufacturer, string? name)
    {
        var isGarmin = FitManufacturerNames.Product(manufacturer, 1) != "1"; // the decoder names products only for these
        return (ushort?)Lookup(isGarmin ? GarminProducts : Empty, name, ushort.MaxValue - 1);
    }

    private static double? Lookup(Dictionary<string, int> names, string? name, int max)
    {
        if (name is null)
        {
            return null;
        }

        if (names.TryGetValue(name, out var number))
        {
            return number;
        }

        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= max ? parsed : null;
    }

    private static Dictionary<string, int> Invert(int from, int to, Func<double, string?> name)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var raw = from; raw <= to; raw++)
        {
            if (name(raw) is { Length: > 0 } n && !char.IsAsciiDigit(n[0])) // the decoder spells a number it has no name for in digits
            {
                names.TryAdd(n, raw);
            }
        }

        return names;
    }
}
