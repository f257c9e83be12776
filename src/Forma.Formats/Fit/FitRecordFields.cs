namespace Forma.Formats.Fit;

/// <summary>
/// How a record field becomes a stream: its name, profile scale and offset (value = raw / scale - offset), and
/// units; for an accumulated quantity, its accumulator and (for a field holding only the low bits) their number.
/// </summary>
internal sealed record FitFieldInfo(string Name, double Scale, double Offset, string? Units, int Accumulator = FitAccumulators.None, int Bits = 0);

/// <summary>
/// The record message's (global 20) fields from the FIT SDK profile. The core fields map to the API's stream
/// names; the rest keep the profile's snake_case names. Fields that need more than a scale (positions,
/// compressed speed/distance, enhanced pairs) are handled by <see cref="FitRecordPlan"/> and marked here only
/// for their name and units.
/// </summary>
internal static class FitRecordFields
{
    public const byte PositionLat = 0;
    public const byte PositionLong = 1;
    public const byte Altitude = 2;
    public const byte Speed = 6;
    public const byte CompressedSpeedDistance = 8;
    public const byte EnhancedSpeed = 73;
    public const byte EnhancedAltitude = 78;
    public const byte Timestamp = 253;

    private static readonly FitFieldInfo?[] Fields = Build();
    private static readonly HashSet<string> Names = new(Fields.OfType<FitFieldInfo>().Select(f => f.Name), StringComparer.Ordinal);

    public static FitFieldInfo? Find(byte number) => Fields[number];

    /// <summary>Whether a stream of that name comes from the profile (and so a developer field must not take it).</summary>
    public static bool IsProfileName(string name) => Names.Contains(name) || name == StreamNames.Time;

    private static FitFieldInfo?[] Build()
    {
        var f = new FitFieldInfo?[256];
        f[0] = new(StreamNames.Latitude, 1, 0, "deg");
        f[1] = new(StreamNames.Longitude, 1, 0, "deg");
        f[2] = new(StreamNames.Altitude, 5, 500, "m");
        f[3] = new(StreamNames.HeartRate, 1, 0, "bpm");
        f[4] = new(StreamNames.Cadence, 1, 0, "rpm");
        f[5] = new(StreamNames.Distance, 100, 0, "m", FitAccumulators.Distance);
        f[6] = new(StreamNames.Speed, 1000, 0, "m/s");
        f[7] = new(StreamNames.Power, 1, 0, "W");
        f[9] = new("grade", 100, 0, "%");
        f[10] = new("resistance", 1, 0, null);
        f[11] = new("time_from_course", 1000, 0, "s");
        f[12] = new("cycle_length", 100, 0, "m");
        f[13] = new(StreamNames.Temperature, 1, 0, "C");
        f[18] = new("total_cycles", 1, 0, "cycles", FitAccumulators.Cycles, 8); // cycles: component of total_cycles
        f[19] = new("total_cycles", 1, 0, "cycles", FitAccumulators.Cycles);
        f[28] = new("accumulated_power", 1, 0, "W", FitAccumulators.Power, 16); // compressed_accumulated_power
        f[29] = new("accumulated_power", 1, 0, "W", FitAccumulators.Power);
        f[30] = new("left_right_balance", 1, 0, null);
        f[31] = new("gps_accuracy", 1, 0, "m");
        f[32] = new("vertical_speed", 1000, 0, "m/s");
        f[33] = new("calories", 1, 0, "kcal");
        f[39] = new("vertical_oscillation", 10, 0, "mm");
        f[40] = new("stance_time_percent", 100, 0, "percent");
        f[41] = new("stance_time", 10, 0, "ms");
        f[42] = new("activity_type", 1, 0, null);
        f[43] = new("left_torque_effectiveness", 2, 0, "percent");
        f[44] = new("right_torque_effectiveness", 2, 0, "percent");
        f[45] = new("left_pedal_smoothness", 2, 0, "percent");
        f[46] = new("right_pedal_smoothness", 2, 0, "percent");
        f[47] = new("combined_pedal_smoothness", 2, 0, "percent");
        f[48] = new("time128", 128, 0, "s");
        f[49] = new("stroke_type", 1, 0, null);
        f[50] = new("zone", 1, 0, null);
        f[51] = new("ball_speed", 100, 0, "m/s");
        f[52] = new("cadence256", 256, 0, "rpm");
        f[53] = new("fractional_cadence", 128, 0, "rpm");
        f[54] = new("total_hemoglobin_conc", 100, 0, "g/dL");
        f[55] = new("total_hemoglobin_conc_min", 100, 0, "g/dL");
        f[56] = new("total_hemoglobin_conc_max", 100, 0, "g/dL");
        f[57] = new("saturated_hemoglobin_percent", 10, 0, "%");
        f[58] = new("saturated_hemoglobin_percent_min", 10, 0, "%");
        f[59] = new("saturated_hemoglobin_percent_max", 10, 0, "%");
        f[62] = new("device_index", 1, 0, null);
        f[67] = new("left_pco", 1, 0, "mm");
        f[68] = new("right_pco", 1, 0, "mm");
        f[73] = f[6];
        f[78] = f[2];
        f[81] = new("battery_soc", 2, 0, "percent");
        f[82] = new("motor_power", 1, 0, "W");
        f[83] = new("vertical_ratio", 100, 0, "percent");
        f[84] = new("stance_time_balance", 100, 0, "percent");
        f[85] = new("step_length", 10, 0, "mm");
        f[87] = new("cycle_length16", 100, 0, "m");
        f[91] = new("absolute_pressure", 1, 0, "Pa");
        f[92] = new("depth", 1000, 0, "m");
        f[99] = new("respiration_rate", 1, 0, "breaths/min");
        f[108] = new("enhanced_respiration_rate", 100, 0, "breaths/min");
        f[114] = new("grit", 1, 0, null);
        f[115] = new("flow", 1, 0, null);
        f[116] = new("current_stress", 100, 0, null);
        f[136] = new("wrist_heart_rate", 1, 0, "bpm");
        f[139] = new("core_temperature", 100, 0, "C");
        return f;
    }
}
