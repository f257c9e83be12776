namespace Forma.Formats.Detection;

/// <summary>
/// Recognises an upload by content: archives and FIT by magic bytes, XML formats by the root element's name.
/// Callers pass the first few kilobytes (see <see cref="HeadLength"/>); a head cut short gives Unknown, never an exception.
/// </summary>
public static class ActivitySniffer
{
    /// <summary>How much of a file to pass: enough for a long XML prolog (Apple Health's DTD is about 9 KB).</summary>
    public const int HeadLength = 16 * 1024;

    public static DetectedFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return DetectedFormat.Gzip;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return DetectedFormat.Zip;
        }

        // FIT file header: byte 0 is the header size (12, or 14 with a CRC), bytes 8-11 spell ".FIT".
        if (head.Length >= 12 && head[0] is 12 or 14 && head.Slice(8, 4).SequenceEqual(".FIT"u8))
        {
            return DetectedFormat.Fit;
        }

        return XmlRoot.LocalName(head) switch
        {
            "gpx" => DetectedFormat.Gpx,
            "TrainingCenterDatabase" => DetectedFormat.Tcx,
            "HealthData" => DetectedFormat.AppleHealth,
            _ => DetectedFormat.Unknown,
        };
    }
}
