using System.IO.Compression;

namespace Forma.Formats.Archives;

/// <summary>
/// One zip (the upload, or an archive nested in it) checked against the limits before anything is inflated:
/// entry count from the end record, then every name and declared size. Opens entries as limited streams.
/// </summary>
internal sealed class ZipContainer : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Stream? _owned;
    private readonly ArchiveBudget _budget;
    private readonly Dictionary<string, ZipArchiveEntry> _byName = new(StringComparer.Ordinal);

    private ZipContainer(ZipArchive zip, Stream? owned, string prefix, ArchiveBudget budget)
    {
        _zip = zip;
        _owned = owned;
        _budget = budget;
        Prefix = prefix;
    }

    /// <summary>Prepended to entry names to give paths within the upload: empty for the upload itself.</summary>
    public string Prefix { get; }

    /// <summary>The entries that hold data (not folders), in archive order.</summary>
    public List<ZipArchiveEntry> Files { get; } = [];

    /// <summary>Opens <paramref name="zip"/>, which must seek; disposes <paramref name="owned"/> with itself.</summary>
    public static ZipContainer Open(Stream zip, string prefix, ArchiveBudget budget, Stream? owned = null)
    {
        try
        {
            // Counted record by record before the runtime lists the directory (it allocates per entry), and
            // stopped one past what the budget allows; an end record that claims more counts as claimed.
            var stated = ArchiveErrors.Guard(null, () => ZipDirectory.EntryCount(zip)) ?? throw ArchiveErrors.Corrupt(NullIfEmpty(prefix));
            var walked = ArchiveErrors.Guard(null, () => ZipDirectory.CountEntries(zip, budget.EntriesLeft)) ?? 0;
            stated = Math.Max(stated, walked);
            budget.AddEntries(stated);
            var archive = ArchiveErrors.Guard(NullIfEmpty(prefix), () => new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true));
            var container = new ZipContainer(archive, owned, prefix, budget);
            try
            {
                container.Check(stated);
            }
            catch
            {
                archive.Dispose();
                throw;
            }

            return container;
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>Opens an entry that is itself a zip, copied aside first because entry streams cannot seek.</summary>
    public ZipContainer OpenNested(ZipArchiveEntry entry)
    {
        using var content = Open(entry);
        var copy = Spool.ToTemporaryFile(content, _budget.Limits.MaxArchiveBytes);
        return Open(copy, PathOf(entry) + "/", _budget, copy);
    }

    public string PathOf(ZipArchiveEntry entry) => Prefix + entry.FullName;

    public ZipArchiveEntry? Find(string name) => _byName.GetValueOrDefault(name);

    public Stream Open(ZipArchiveEntry entry)
    {
        var path = PathOf(entry);
        return new LimitedEntryStream(ArchiveErrors.Guard(path, entry.Open), path, entry.Length, _budget);
    }

    public void Dispose()
    {
        _zip.Dispose();
        _owned?.Dispose();
    }

    private void Check(long stated)
    {
        var entries = ArchiveErrors.Guard(NullIfEmpty(Prefix), () => _zip.Entries);

        // The runtime trusts the central directory over the end record; count what it found if that is more.
        if (entries.Count > stated)
        {
            _budget.AddEntries(entries.Count - stated);
        }

        foreach (var entry in entries)
        {
            if (!EntryPaths.IsSafe(entry.FullName))
            {
                throw ArchiveErrors.UnsafePath(PathOf(entry));
            }

            _budget.Declare(PathOf(entry), entry.Length, entry.CompressedLength);
            if (!entry.FullName.EndsWith('/'))
            {
                Files.Add(entry);
                _byName.TryAdd(entry.FullName, entry);
            }
        }
    }

    private static string? NullIfEmpty(string prefix) => prefix.Length == 0 ? null : prefix.TrimEnd('/');
}
