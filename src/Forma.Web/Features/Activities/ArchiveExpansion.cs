using Forma.Core.Activities;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Formats.Archives;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities;

/// <summary>
/// Turns an uploaded export archive (Strava, Garmin Connect, Apple Health, or any zip of activity files) into
/// files of the same import: each activity's bytes are stored as a blob of their own and parsed by their own
/// job, so one bad activity fails alone and progress counts activities, not archives. Workouts the export
/// lists without a recording are reported as failed files rather than silently dropped. Storing the entries
/// (slow: decompression and disk) happens before the database transaction that records them.
/// </summary>
internal static class ArchiveExpansion
{
    /// <summary>One archive entry after storing: its blob, or why it has none.</summary>
    public sealed record StoredEntry(string FileName, string? ActivityName, string? Sha256, long Size, string? Error);

    public static async Task<IReadOnlyList<StoredEntry>> StoreAsync(BlobStore blobs, ExportArchive archive, long maxFileBytes, CancellationToken cancellationToken)
    {
        var stored = new List<StoredEntry>(archive.Entries.Count);
        foreach (var entry in archive.Entries)
        {
            var name = Path.GetFileName(entry.Path.Split('#')[0]);
            if (entry.SkipReason is { } skipped)
            {
                stored.Add(new StoredEntry(name, entry.Name, null, 0, skipped));
                continue;
            }

            if (!entry.HasFile)
            {
                stored.Add(new StoredEntry($"{name} ({entry.Name ?? entry.Sport ?? "workout"})", null, null, 0,
                    "The export lists this workout without a recording file (a manual entry, or a workout without a route)."));
                continue;
            }

            try
            {
                await using var content = entry.Open();
                var blob = await blobs.PutAsync(content, maxFileBytes, cancellationToken);
                stored.Add(new StoredEntry(name, entry.Name, blob.Sha256, blob.Size, null));
            }
            catch (BlobTooLargeException)
            {
                stored.Add(new StoredEntry(name, entry.Name, null, 0, $"The file is larger than the {maxFileBytes:N0}-byte limit for one file."));
            }
        }

        return stored;
    }

    /// <summary>What an archive with no activity in it is told, instead of expanding into nothing without a word.</summary>
    public const string NothingToImport = "The archive holds no FIT, GPX or TCX file that we open (zips are opened one level deep).";

    /// <summary>
    /// Entries the archive may hold, nested archives' included: what is left of the per-import allowance after the
    /// import's other files, so neither a huge archive nor many archives in one upload can flood the job queue.
    /// </summary>
    public static ArchiveLimits Limits(ImportOptions options, Import import) =>
        new() { MaxEntries = Math.Max(1, options.MaxArchiveEntries - (import.FilesTotal - 1)) };

    /// <summary>Adds one import file (and its parse job) per stored entry, and moves the import's counters.</summary>
    public static async Task RecordAsync(FormaDbContext db, Import import, ImportFile archiveFile, IReadOnlyList<StoredEntry> entries, DateTime now, CancellationToken cancellationToken)
    {
        var position = await db.ImportFiles.Where(f => f.ImportId == import.Id).MaxAsync(f => f.Position, cancellationToken);
        foreach (var entry in entries)
        {
            var file = ImportFile.Add(import, ++position, entry.FileName, entry.Sha256 ?? "", entry.Size, now);
            if (entry.Error is { } error)
            {
                file.MarkFailed(error, now);
            }
            else
            {
                db.Enqueue(new ParseImportedFile(file.Id), now);
            }

            file.NameActivity(entry.ActivityName);
            db.ImportFiles.Add(file);
        }

        archiveFile.MarkExpanded(now);
        var failed = entries.Count(e => e.Error is not null);
        await db.Imports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.FilesTotal, i => i.FilesTotal + entries.Count)
            .SetProperty(i => i.FilesFailed, i => i.FilesFailed + failed)
            .SetProperty(i => i.FilesDone, i => i.FilesDone + 1), cancellationToken);
    }
}
