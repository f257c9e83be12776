using Microsoft.Extensions.Options;

namespace Forma.Data.Blobs;

/// <summary>
/// Deletes blobs nothing refers to any more. Which blobs are still referred to is the caller's knowledge (the
/// rows that own them); this class only knows the files. Every decision is by file times on the application's
/// clock, so instances sharing the volume agree, and every deletion tolerates another instance having done it
/// first — the collection may run on several instances at once and stays correct.
/// </summary>
public sealed class BlobCollector(IOptions<StorageOptions> options, TimeProvider clock)
{
    /// <summary>Marks a departed tenant's folder; deleted with the folder once it is older than the grace period.</summary>
    internal const string DepartedMarker = ".departed";

    private readonly BlobLayout _layout = new(options.Value.Path);

    /// <summary>Deletes files a crash left half-written in <c>incoming</c>; live uploads are younger than <see cref="StorageOptions.IncomingMaxAge"/>.</summary>
    public int SweepIncoming()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.IncomingMaxAge;
        var swept = 0;
        foreach (var file in Files(_layout.Incoming, "*"))
        {
            if (file.LastWriteTimeUtc < cutoff && TryDelete(file.FullName))
            {
                swept++;
            }
        }

        return swept;
    }

    /// <summary>Tenants that have a blob folder. Read before the list of tenants, so a folder is never newer than the list it is checked against.</summary>
    public IReadOnlyList<Guid> TenantFolders() =>
        Directory.Exists(_layout.Tenants)
            ? Directory.EnumerateDirectories(_layout.Tenants).Select(Path.GetFileName)
                .Select(name => Guid.TryParseExact(name, "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList()
            : [];

    /// <summary>Deletes the tenant's blobs that are not in <paramref name="live"/> and were last written before the grace period.</summary>
    public int CollectUnreferenced(Guid tenantId, IReadOnlySet<string> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.CollectAfter;
        var collected = 0;
        foreach (var file in Files(_layout.TenantFolder(tenantId), "*"))
        {
            if (BlobLayout.IsSha256(file.Name) && !live.Contains(file.Name) && file.LastWriteTimeUtc < cutoff && TryCollect(file.FullName, cutoff))
            {
                collected++;
            }
        }

        return collected;
    }

    /// <summary>
    /// Folders of tenants that no longer exist (purged) are marked when first seen and deleted once the mark is
    /// older than the grace period. Returns how many folders were deleted.
    /// </summary>
    public int CollectDeparted(IEnumerable<Guid> folders, IReadOnlySet<Guid> existingTenants)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(existingTenants);
        var now = clock.GetUtcNow().UtcDateTime;
        var deleted = 0;
        foreach (var tenantId in folders.Where(id => !existingTenants.Contains(id)))
        {
            var folder = _layout.TenantFolder(tenantId);
            var marker = Path.Combine(folder, DepartedMarker);
            try
            {
                if (!File.Exists(marker))
                {
                    File.WriteAllText(marker, "");
                    File.SetLastWriteTimeUtc(marker, now);
                }
                else if (File.GetLastWriteTimeUtc(marker) < now - options.Value.CollectAfter)
                {
                    Directory.Delete(folder, recursive: true);
                    deleted++;
                }
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
            {
                // Another instance deleted it first.
            }
        }

        return deleted;
    }

    /// <summary>Whether blobs stored before they had owners are still in the shared folder.</summary>
    public bool HasLegacy => Directory.Exists(_layout.LegacyFolder);

    /// <summary>Copies the shared blobs this tenant still names into its own folder. Returns how many were copied.</summary>
    public int AdoptLegacy(Guid tenantId, IEnumerable<string> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var now = clock.GetUtcNow().UtcDateTime;
        var adopted = 0;
        foreach (var sha256 in live.Where(BlobLayout.IsSha256))
        {
            var owned = _layout.PathOf(tenantId, sha256);
            var legacy = _layout.LegacyPathOf(sha256);
            if (File.Exists(owned) || !File.Exists(legacy))
            {
                continue;
            }

            Directory.CreateDirectory(_layout.Incoming);
            Directory.CreateDirectory(Path.GetDirectoryName(owned)!);
            var temporary = Path.Combine(_layout.Incoming, "adopt-" + Guid.NewGuid().ToString("N"));
            File.Copy(legacy, temporary);
            File.Move(temporary, owned, overwrite: true);
            File.SetLastWriteTimeUtc(owned, now);
            adopted++;
        }

        return adopted;
    }

    /// <summary>
    /// After a pass in which every tenant adopted its shared blobs, the shared folder is marked; it is deleted
    /// by a later complete pass once the mark is older than the grace period (readers that found a shared path
    /// just before their tenant's copy existed have long finished).
    /// </summary>
    public bool RetireLegacy()
    {
        var marker = Path.Combine(_layout.LegacyFolder, DepartedMarker);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (!File.Exists(marker))
            {
                File.WriteAllText(marker, "");
                File.SetLastWriteTimeUtc(marker, now);
                return false;
            }

            if (File.GetLastWriteTimeUtc(marker) < now - options.Value.CollectAfter)
            {
                Directory.Delete(_layout.LegacyFolder, recursive: true);
                return true;
            }
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
        {
            // Another instance retired it first.
        }

        return false;
    }

    /// <summary>
    /// Moves the blob out of its place first, then looks at its time again: an upload of the same bytes in the
    /// meantime rewrote it (fresh time) and gets it back; an upload after the move writes a new copy in place.
    /// </summary>
    private bool TryCollect(string path, DateTime cutoff)
    {
        Directory.CreateDirectory(_layout.Incoming);
        var aside = Path.Combine(_layout.Incoming, "collect-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.Move(path, aside);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        if (File.GetLastWriteTimeUtc(aside) >= cutoff)
        {
            try
            {
                File.Move(aside, path);
            }
            catch (IOException)
            {
                File.Delete(aside); // a newer copy is already in place
            }

            return false;
        }

        File.Delete(aside);
        return true;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static IEnumerable<FileInfo> Files(string folder, string pattern) =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles(pattern, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            : [];
}
