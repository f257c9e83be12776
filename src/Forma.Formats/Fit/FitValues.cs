namespace Forma.Formats.Fit;

/// <summary>
/// Raw field values (doubles, NaN for invalid) as the model's nullable types. A corrupt file may declare a field
/// with any base type, so a value outside the profile type's range is treated as absent rather than wrapped.
/// </summary>
internal static class FitValues
{
    public static double? Double(double v) => double.IsNaN(v) ? null : v;

    public static int? Int(double v) => v is >= int.MinValue and <= int.MaxValue ? (int)v : null;

    public static uint? UInt(double v) => v is >= 0 and <= uint.MaxValue ? (uint)v : null;
}
