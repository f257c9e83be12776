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
/// lists without a recording are reported as failed files rather than silently dropped.
/// </summary>
internal static class ArchiveExpansion
{
    public static async Task ExpandAsync(FormaDbContext db, BlobStore blobs, Import import, ImportFile archiveFile, ExportArchive archive, long maxFileBytes, DateTime now, CancellationToken cancellationToken)
    {
        var position = await db.ImportFiles.Where(f => f.ImportId == import.Id).MaxAsync(f => f.Position, cancellationToken);
        foreach (var entry in archive.Entries)
        {
            var name = Path.GetFileName(entry.Path.Split('#')[0]);
            if (!entry.HasFile)
            {
                var missing = ImportFile.Add(import, ++position, $"{name} ({entry.Name ?? entry.Sport ?? "workout"})", "", 0, now);
                missing.MarkFailed("The export lists this workout without a recording file (a manual entry, or a workout without a route).", now);
                db.ImportFiles.Add(missing);
                continue;
            }

            ImportFile file;
            try
            {
                await using var content = entry.Open();
                var blob = await blobs.PutAsync(content, maxFileBytes, cancellationToken);
                file = ImportFile.Add(import, ++position, name, blob.Sha256, blob.Size, now);
                db.Enqueue(new ParseImportedFile(file.Id), now);
            }
            catch (BlobTooLargeException)
            {
                file = ImportFile.Add(import, ++position, name, "", 0, now);
                file.MarkFailed($"The file is larger than the {maxFileBytes:N0}-byte limit for one file.", now);
            }

            file.NameActivity(entry.Name);
            db.ImportFiles.Add(file);
        }

        archiveFile.MarkExpanded(now);
        var added = archive.Entries.Count;
        var failed = archive.Entries.Count(e => !e.HasFile);
        await db.Imports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.FilesTotal, i => i.FilesTotal + added)
            .SetProperty(i => i.FilesFailed, i => i.FilesFailed + failed)
            .SetProperty(i => i.FilesDone, i => i.FilesDone + 1), cancellationToken);
    }
}
