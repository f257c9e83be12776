using Forma.Formats.Detection;
using Forma.Formats.Fit;
using Forma.Formats.Gpx;
using Forma.Formats.Tcx;

namespace Forma.Formats;

/// <summary>
/// Reads one activity file of any supported format: gunzips when needed, recognises the format by its
/// bytes (never by the file name, which uploads get wrong) and hands it to the matching decoder. Bad input
/// of any kind ends in <see cref="ActivityFormatException"/>.
/// </summary>
public static class ActivityReader
{
    /// <summary>
    /// The most a compressed file may decompress to. Decoding holds the whole output in memory (FIT is decoded
    /// from one span), so this bounds a request's memory: at 512 MiB a 3.9 MB gzip bomb held the process at
    /// 1.72 GB (issue #18 B.3). The longest real recordings, multi-day events at one point a second, are a few
    /// tens of MB even as TCX, the most verbose format.
    /// </summary>
    public const long MaxFileBytes = 128L * 1024 * 1024;

    public static ActivityFile Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var content = GzipFiles.Open(input, new DecompressionLimits { MaxDecompressedBytes = MaxFileBytes });
        var head = new byte[512];
        var got = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var format = ActivitySniffer.Detect(head.AsSpan(0, got));
        using var whole = new ReplayStream(head[..got], content);
        return format switch
        {
            DetectedFormat.Fit => FitDecoder.Decode(whole),
            DetectedFormat.Gpx => GpxReader.Read(whole),
            DetectedFormat.Tcx => TcxReader.Read(whole),
            DetectedFormat.Zip => throw new ActivityFormatException("archive-not-a-file", "This is a zip archive, not one activity file; upload it as an export archive."),
            DetectedFormat.Gzip => throw new ActivityFormatException("gzip-nested", "The file is compressed twice."),
            DetectedFormat.AppleHealth => throw new ActivityFormatException("apple-health-export", "This is an Apple Health export; upload the whole export archive."),
            _ => throw new ActivityFormatException("format-unknown", "This is not a FIT, GPX or TCX file."),
        };
    }
}
