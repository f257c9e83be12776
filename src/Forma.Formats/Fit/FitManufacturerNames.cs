using System.Globalization;

namespace Forma.Formats.Fit;

/// <summary>
/// Names from the profile's <c>manufacturer</c> and <c>garmin_product</c> enums for the devices our athletes use;
/// anything else is reported by number, which is still enough to look it up.
/// </summary>
internal static class FitManufacturerNames
{
    private static readonly Dictionary<int, string> Manufacturers = new()
    {
        [1] = "garmin", [6] = "srm", [7] = "quarq", [13] = "dynastream_oem", [15] = "dynastream", [16] = "timex",
        [23] = "suunto", [32] = "wahoo_fitness", [40] = "concept2", [41] = "shimano", [48] = "pioneer",
        [60] = "rotor", [63] = "specialized", [68] = "cateye", [69] = "stages_cycling", [70] = "sigmasport",
        [71] = "tomtom", [76] = "moxy", [86] = "elite", [89] = "tacx", [95] = "stryd", [99] = "look",
        [107] = "magene", [123] = "polar_electro", [255] = "development", [258] = "lezyne", [260] = "zwift",
        [263] = "favero_electronics", [265] = "strava", [267] = "bryton", [268] = "sram", [281] = "trainer_road",
        [289] = "hammerhead", [294] = "coros",
    };

    private static readonly Dictionary<int, string> GarminProducts = new()
    {
        [1] = "hrm1", [22] = "hrm_fit_single_byte_product_id", [988] = "fr60", [1036] = "edge500", [1124] = "fr110", [1169] = "edge800", [1325] = "edge200",
        [1436] = "fr70", [1561] = "edge510", [1567] = "edge810", [1765] = "fr920xt", [1837] = "vivo_fit",
        [1967] = "fenix2", [2337] = "vivo_active_hr", [2530] = "edge_820", [2697] = "fenix5", [3113] = "fr945",
        [3122] = "edge_830",
    };

    public static string? Manufacturer(double raw) =>
        double.IsNaN(raw) ? null : Manufacturers.GetValueOrDefault((int)raw) ?? raw.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The product as a name where the profile's garmin_product sub-field applies (Garmin and Dynastream devices),
    /// else the number.
    /// </summary>
    public static string? Product(double manufacturer, double product)
    {
        if (double.IsNaN(product))
        {
            return null;
        }

        var isGarmin = manufacturer is 1 or 13 or 15 or 89;
        return (isGarmin ? GarminProducts.GetValueOrDefault((int)product) : null)
            ?? product.ToString(CultureInfo.InvariantCulture);
    }
}
