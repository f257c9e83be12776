using Forma.Formats.Fit;
using Forma.Formats.Gpx;
using Forma.Formats.Tcx;

namespace Forma.Formats;

/// <summary>Writes an activity in any supported format, with the content type and file extension a download needs.</summary>
public static class ActivityWriter
{
    /// <param name="units">Units of the streams, for those a FIT file carries as developer fields (as <see cref="FitDecoder.DecodeWithUnits"/> gives them).</param>
    public static void Write(ActivityFile activity, ActivityFormat format, Stream output, IReadOnlyDictionary<string, string>? units = null)
    {
        switch (format)
        {
            case ActivityFormat.Fit:
                FitEncoder.Encode(activity, output, units);
                break;
            case ActivityFormat.Gpx:
                GpxWriter.Write(activity, output);
                break;
            case ActivityFormat.Tcx:
                TcxWriter.Write(activity, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "No writer for this format.");
        }
    }

    /// <summary>The media type in common use: the vendor types for FIT and TCX, and application/gpx+xml for GPX.</summary>
    public static string ContentType(ActivityFormat format) => format switch
    {
        ActivityFormat.Fit => "application/vnd.ant.fit",
        ActivityFormat.Gpx => "application/gpx+xml",
        ActivityFormat.Tcx => "application/vnd.garmin.tcx+xml",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    /// <summary>The file extension, with its dot.</summary>
    public static string Extension(ActivityFormat format) => format switch
    {
        ActivityFormat.Fit => ".fit",
        ActivityFormat.Gpx => ".gpx",
        ActivityFormat.Tcx => ".tcx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };
}
