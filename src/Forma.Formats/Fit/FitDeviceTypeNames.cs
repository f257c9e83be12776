namespace Forma.Formats.Fit;

/// <summary>
/// The profile's <c>source_type</c> enum and the three enums device_info.device_type (field 1) switches between
/// by source type: <c>antplus_device_type</c>, <c>ble_device_type</c> and <c>local_device_type</c>
/// (FIT SDK 21.212 Profile, Types sheet).
/// </summary>
internal static class FitDeviceTypeNames
{
    private const int Ant = 0;
    private const int AntPlus = 1;
    private const int BluetoothLowEnergy = 3;
    private const int Local = 5;

    private static readonly Dictionary<int, string> SourceTypes = new()
    {
        [0] = "ant", [1] = "antplus", [2] = "bluetooth", [3] = "bluetooth_low_energy", [4] = "wifi", [5] = "local",
    };

    private static readonly Dictionary<int, string> AntPlusTypes = new()
    {
        [1] = "antfs", [11] = "bike_power", [12] = "environment_sensor_legacy", [15] = "multi_sport_speed_distance",
        [16] = "control", [17] = "fitness_equipment", [18] = "blood_pressure", [19] = "geocache_node",
        [20] = "light_electric_vehicle", [25] = "env_sensor", [26] = "racquet", [27] = "control_hub",
        [31] = "muscle_oxygen", [34] = "shifting", [35] = "bike_light_main", [36] = "bike_light_shared", [38] = "exd",
        [40] = "bike_radar", [46] = "bike_aero", [119] = "weight_scale", [120] = "heart_rate",
        [121] = "bike_speed_cadence", [122] = "bike_cadence", [123] = "bike_speed", [124] = "stride_speed_distance",
    };

    private static readonly Dictionary<int, string> BleTypes = new()
    {
        [0] = "connected_gps", [1] = "heart_rate", [2] = "bike_power", [3] = "bike_speed_cadence", [4] = "bike_speed",
        [5] = "bike_cadence", [6] = "footpod", [7] = "bike_trainer",
    };

    private static readonly Dictionary<int, string> LocalTypes = new()
    {
        [0] = "gps", [1] = "glonass", [2] = "gps_glonass", [3] = "accelerometer", [4] = "barometer", [5] = "temperature",
        [10] = "whr", [12] = "sensor_hub",
    };

    private static readonly Dictionary<int, string> Unnamed = [];

    public static string? SourceType(double raw) => FitEnumNames.Name(SourceTypes, raw);

    /// <summary>
    /// device_type read through the sub-field its source type selects. A file without source_type (an Edge 810
    /// of 2013) predates Bluetooth and onboard sensors in device_info: what it lists are ANT+ sensors, so their
    /// numbers are read as ANT+ device types. Plain ANT shares the ANT+ device type numbers; classic Bluetooth
    /// and Wi-Fi have no enum in the profile and stay numbers.
    /// </summary>
    public static string? DeviceType(double source, double raw) => FitEnumNames.Name(
        double.IsNaN(source) ? AntPlusTypes : (int)source switch
        {
            Ant or AntPlus => AntPlusTypes,
            BluetoothLowEnergy => BleTypes,
            Local => LocalTypes,
            _ => Unnamed,
        },
        raw);
}
