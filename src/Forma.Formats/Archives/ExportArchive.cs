using Forma.Formats.Detection;

namespace Forma.Formats.Archives;

/// <summary>
/// The activities in a bulk export zip (Strava, Garmin Connect, Apple Health, or any zip of FIT/GPX/TCX
/// files), listed with what the export's own index says about each. The whole archive is checked on
/// <see cref="Open"/>: unsafe names, too many entries, absurd sizes or damage refuse it with an
/// <see cref="ActivityFormatException"/> (<c>archive-unsafe-path</c>, <c>archive-too-many-entries</c>,
/// <c>archive-too-large</c>, <c>archive-corrupt</c>, <c>archive-index-malformed</c>), never another exception.
/// Not thread-safe: read entries one at a time, and dispose the archive when done (it may hold temporary files).
/// </summary>
public sealed class ExportArchive : IDisposable
{
    private readonly List<IDisposable> _owned;

    private ExportArchive(ExportKind kind, IReadOnlyList<ArchiveEntry> entries, List<IDisposable> owned)
    {
        Kind = kind;
        Entries = entries;
        _owned = owned;
    }

    public ExportKind Kind { get; }

    /// <summary>The activities, in the export's order (its index's order where it has one).</summary>
    public IReadOnlyList<ArchiveEntry> Entries { get; }

    /// <summary>
    /// Reads <paramref name="zip"/>'s directory and index. A stream that cannot seek (an HTTP body) is first
    /// copied to a temporary file. The stream stays the caller's: it must stay open while entries are read and
    /// is not closed by <see cref="Dispose"/>.
    /// </summary>
    public static ExportArchive Open(Stream zip, ArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var budget = new ArchiveBudget(limits ?? new ArchiveLimits());
        var owned = new List<IDisposable>();
        try
        {
            var seekable = zip.CanSeek ? null : Spool.ToTemporaryFile(zip, budget.Limits.MaxArchiveBytes);
            var root = ZipContainer.Open(seekable ?? zip, "", budget, seekable);
            owned.Add(root);
            var (kind, entries) = Recognise(root, owned);
            return new ExportArchive(kind, entries, owned);
        }
        catch
        {
            DisposeAll(owned);
            throw;
        }
    }

    /// <summary>
    /// The entries in <paramref name="zip"/>'s own directory (nested archives count as one), counted record by
    /// record and stopped once past <paramref name="stopAfter"/>, so a caller can refuse an archive of a million
    /// entries before anything is listed or inflated. Null when <paramref name="zip"/> is not a readable zip.
    /// </summary>
    public static long? CountEntries(Stream zip, long stopAfter)
    {
        ArgumentNullException.ThrowIfNull(zip);
        try
        {
            return ArchiveErrors.Guard(null, () => ZipDirectory.CountEntries(zip, stopAfter));
        }
        catch (ActivityFormatException)
        {
            return null;
        }
    }

    public void Dispose() => DisposeAll(_owned);

    private static (ExportKind, List<ArchiveEntry>) Recognise(ZipContainer root, List<IDisposable> owned)
    {
        if (root.Find(StravaExport.IndexName) is { } csv)
        {
            return (ExportKind.Strava, StravaExport.Entries(root, csv));
        }

        if (root.Files.FirstOrDefault(f => AppleHealthExport.IsIndex(f) && SniffedExport.Sniff(root, f) == DetectedFormat.AppleHealth) is { } xml)
        {
            return (ExportKind.AppleHealth, AppleHealthExport.Entries(root, xml));
        }

        var kind = root.Files.Any(f => f.FullName.StartsWith("DI_CONNECT/", StringComparison.Ordinal)) ? ExportKind.GarminConnect : ExportKind.Generic;
        return (kind, SniffedExport.Entries(root, owned));
    }

    private static void DisposeAll(List<IDisposable> owned)
    {
        // Nested archives were added after the archive they sit in; close them first.
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }

        owned.Clear();
    }
}
