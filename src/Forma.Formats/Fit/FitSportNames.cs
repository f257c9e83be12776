using System.Globalization;

namespace Forma.Formats.Fit;

/// <summary>The profile's <c>sport</c> and <c>sub_sport</c> enums by number (FIT SDK Profile.xlsx, Types sheet).</summary>
internal static class FitSportNames
{
    private static readonly string[] Sports =
    [
        "generic", "running", "cycling", "transition", "fitness_equipment", "swimming", "basketball", "soccer",
        "tennis", "american_football", "training", "walking", "cross_country_skiing", "alpine_skiing", "snowboarding",
        "rowing", "mountaineering", "hiking", "multisport", "paddling", "flying", "e_biking", "motorcycling", "boating",
        "driving", "golf", "hang_gliding", "horseback_riding", "hunting", "fishing", "inline_skating", "rock_climbing",
        "sailing", "ice_skating", "sky_diving", "snowshoeing", "snowmobiling", "stand_up_paddleboarding", "surfing",
        "wakeboarding", "water_skiing", "kayaking", "rafting", "windsurfing", "kitesurfing", "tactical", "jumpmaster",
        "boxing", "floor_climbing",
    ];

    private static readonly string[] SubSports =
    [
        "generic", "treadmill", "street", "trail", "track", "spin", "indoor_cycling", "road", "mountain", "downhill",
        "recumbent", "cyclocross", "hand_cycling", "track_cycling", "indoor_rowing", "elliptical", "stair_climbing",
        "lap_swimming", "open_water", "flexibility_training", "strength_training", "warm_up", "match", "exercise",
        "challenge", "indoor_skiing", "cardio_training", "indoor_walking", "e_bike_fitness", "bmx", "casual_walking",
        "speed_walking", "bike_to_run_transition", "run_to_bike_transition", "swim_to_bike_transition", "atv",
        "motocross", "backcountry", "resort", "rc_drone", "wingsuit", "whitewater", "skate_skiing", "yoga", "pilates",
        "indoor_running", "gravel_cycling", "e_bike_mountain", "commuting", "mixed_surface", "navigate", "track_me",
        "map", "single_gas_diving", "multi_gas_diving", "gauge_diving", "apnea_diving", "apnea_hunting",
        "virtual_activity", "obstacle",
    ];

    /// <summary>The sport's name; an unknown number as its digits; null when invalid (0xFF).</summary>
    public static string? Sport(double raw) => Name(Sports, raw);

    public static string? SubSport(double raw) => Name(SubSports, raw);

    private static string? Name(string[] names, double raw)
    {
        if (double.IsNaN(raw))
        {
            return null;
        }

        return raw == 254 ? "all"
            : raw >= 0 && raw < names.Length ? names[(int)raw]
            : raw.ToString(CultureInfo.InvariantCulture); // a corrupt file can declare the field as any base type
    }
}
