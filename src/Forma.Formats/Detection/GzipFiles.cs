using System.IO.Compression;

namespace Forma.Formats.Detection;

/// <summary>Opens an upload that may be gzip-compressed (Strava's bulk export writes <c>.fit.gz</c>, <c>.gpx.gz</c>).</summary>
public static class GzipFiles
{
    /// <summary>
    /// The content of <paramref name="input"/>: decompressed when it starts with the gzip magic bytes, as it is
    /// otherwise. Decompression stops with <c>archive-too-large</c> past the <paramref name="limits"/>. The
    /// returned stream reads forward only and does not close <paramref name="input"/>.
    /// </summary>
    public static Stream Open(Stream input, DecompressionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var head = new byte[2];
        var got = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var replay = new ReplayStream(head[..got], input);
        if (got < 2 || ActivitySniffer.Detect(head) != DetectedFormat.Gzip)
        {
            return replay;
        }

        return new LimitedDecompressionStream(new GZipStream(replay, CompressionMode.Decompress), replay, limits ?? new DecompressionLimits());
    }
}
