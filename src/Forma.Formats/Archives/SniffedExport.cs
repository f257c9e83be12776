using System.IO.Compression;
using Forma.Formats.Detection;

namespace Forma.Formats.Archives;

/// <summary>
/// Finds activities by content, for Garmin Connect exports and any other zip: an entry is an activity when
/// its bytes (gunzipped if need be) sniff as FIT, GPX or TCX, whatever its name says. Zips inside the upload
/// are opened one level deep (Garmin's <c>UploadedFiles_*.zip</c>); deeper ones are listed as skipped, with the reason.
/// </summary>
internal static class SniffedExport
{
    public static List<ArchiveEntry> Entries(ZipContainer root, ICollection<IDisposable> owned)
    {
        var entries = new List<ArchiveEntry>();
        foreach (var file in root.Files)
        {
            var format = Sniff(root, file);
            if (format == DetectedFormat.Zip)
            {
                var nested = root.OpenNested(file);
                owned.Add(nested);
                entries.AddRange(Activities(nested));
            }
            else if (IsActivity(format))
            {
                entries.Add(Entry(root, file));
            }
        }

        return entries;
    }

    /// <summary>
    /// A nested archive's activities. Nesting stops at one level (each level multiplies what a small upload can
    /// make us inflate); a zip found deeper is listed without a file and with the reason, not dropped in silence.
    /// </summary>
    private static IEnumerable<ArchiveEntry> Activities(ZipContainer zip)
    {
        foreach (var file in zip.Files)
        {
            var format = Sniff(zip, file);
            if (format == DetectedFormat.Zip)
            {
                yield return new ArchiveEntry(zip.PathOf(file), null) { SkipReason = NestedTooDeep };
            }
            else if (IsActivity(format))
            {
                yield return Entry(zip, file);
            }
        }
    }

    private const string NestedTooDeep =
        "A zip inside a zip inside the upload: only one level of nesting is opened (as in Garmin's UploadedFiles_*.zip). Unzip it and upload its files or the inner archive.";

    private static ArchiveEntry Entry(ZipContainer zip, ZipArchiveEntry file) => new(zip.PathOf(file), () => zip.Open(file));

    private static bool IsActivity(DetectedFormat format) => format is DetectedFormat.Fit or DetectedFormat.Gpx or DetectedFormat.Tcx;

    /// <summary>What an entry holds, from its first bytes; macOS resource forks and empty files are skipped unread.</summary>
    public static DetectedFormat Sniff(ZipContainer zip, ZipArchiveEntry file)
    {
        if (file.Length == 0 || EntryPaths.IsJunk(file.FullName))
        {
            return DetectedFormat.Unknown;
        }

        using var raw = zip.Open(file);
        var magic = new byte[2];
        var got = raw.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        var replay = new ReplayStream(magic[..got], raw);
        var gzipped = ActivitySniffer.Detect(magic.AsSpan(0, got)) == DetectedFormat.Gzip;
        using var content = gzipped ? GzipFiles.Open(replay) : replay;
        var head = new byte[ActivitySniffer.HeadLength];
        got = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var format = ActivitySniffer.Detect(head.AsSpan(0, got));

        // A gzipped zip is nobody's export layout; only plain zips are opened as nested archives.
        return gzipped && format == DetectedFormat.Zip ? DetectedFormat.Unknown : format;
    }
}
