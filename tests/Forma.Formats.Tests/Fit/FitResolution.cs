using Forma.Formats.Fit;
using Forma.Formats.Tests.Writers;

namespace Forma.Formats.Tests.Fit;

/// <summary>
/// How precisely a FIT field holds a value: half a step of its scale (a value is rounded to the nearest step),
/// taken from the decoder's profile table, so an integer field and a position in semicircles must come back
/// exactly and a scaled one within its step.
/// </summary>
internal static class FitResolution
{
    private const double Semicircle = 180.0 / 2147483648.0;

    /// <summary>Laps and sessions: times in ms, distance in cm, speeds in mm/s, the rest whole, start times whole seconds.</summary>
    public static SegmentResolution Segments { get; } = new(0.0005, 0.005, 0.0005, 0.5, TimeSpan.FromSeconds(0.5));

    public static double Of(string stream, double value)
    {
        if (stream == StreamNames.Time)
        {
            return 0.5; // whole seconds
        }

        if (stream is StreamNames.Latitude or StreamNames.Longitude)
        {
            return Semicircle / 2;
        }

        for (var n = 0; n < 256; n++)
        {
            if (FitRecordFields.Find((byte)n) is { Bits: 0 } info && info.Name == stream)
            {
                return FitRecordTypes.Of((byte)n) == 0x88 ? Math.Abs(value) * Math.Pow(2, -24) : 0.5 / info.Scale;
            }
        }

        return 0; // a developer field, written as float32 only when that holds the value exactly
    }
}
