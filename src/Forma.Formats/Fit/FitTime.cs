namespace Forma.Formats.Fit;

/// <summary>FIT date_time: seconds since 1989-12-31T00:00:00Z; values below 0x10000000 count from a device-relative origin instead.</summary>
internal static class FitTime
{
    public const double MinAbsolute = 0x10000000;
    private static readonly DateTime Epoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public static bool IsAbsolute(double raw) => raw >= MinAbsolute;

    /// <summary>The UTC time, or null when the value is invalid or device-relative.</summary>
    public static DateTime? ToUtc(double raw) => IsAbsolute(raw) ? Epoch.AddSeconds(raw) : null;

    public static double ToRaw(DateTime utc) => (utc - Epoch).TotalSeconds;
}
