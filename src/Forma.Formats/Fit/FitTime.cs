namespace Forma.Formats.Fit;

/// <summary>FIT date_time: seconds since 1989-12-31T00:00:00Z; values below 0x10000000 count from a device-relative origin instead.</summary>
internal static class FitTime
{
    public const double MinAbsolute = 0x10000000;
    private static readonly DateTime Epoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A uint32 time at or above 0x10000000; anything larger comes from a field declared with the wrong type.</summary>
    public static bool IsAbsolute(double raw) => raw is >= MinAbsolute and <= uint.MaxValue;

    /// <summary>The UTC time, or null when the value is invalid or device-relative.</summary>
    public static DateTime? ToUtc(double raw) => IsAbsolute(raw) ? Epoch.AddSeconds(raw) : null;

    public static double ToRaw(DateTime utc) => (utc - Epoch).TotalSeconds;
}
