using Forma.Analytics.Merging;
using Forma.Core.Activities;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Formats;
using Forma.Formats.Archives;
using Forma.Formats.Detection;
using Forma.Web.Features.Activities.Merging;
using Forma.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Activities;

/// <summary>Queued once per uploaded file; runs in the file's tenant.</summary>
public sealed record ParseImportedFile(Guid ImportFileId) : IJobPayload
{
    public static string JobType => "activities.parse-file";
}

/// <summary>
/// Decodes one stored original and files it as a recording and an activity. A file that is not a valid
/// activity gets its error recorded and the job succeeds — retrying would not make the bytes better; only
/// an unexpected failure (a database outage) throws, so the job runs again. Idempotent: a file already
/// finished is left alone, and the same bytes for the same athlete become a duplicate, never a second activity.
/// Decoding and blob writes run before any transaction (on SQLite a write transaction holds the one write
/// lock); the database changes then happen in one short transaction that locks the athlete's timeline.
/// </summary>
internal sealed class ParseImportedFileHandler(BlobStore blobs, IOptions<ImportOptions> options, TimeProvider clock)
    : IJobHandler<ParseImportedFile>, IRunsOutsideTransaction
{
    public async Task HandleAsync(ParseImportedFile payload, JobContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var file = await db.ImportFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == payload.ImportFileId, cancellationToken);
        if (file is null || file.Status != ImportFileStatus.Queued)
        {
            return;
        }

        var import = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == file.ImportId, cancellationToken);
        await db.Imports.Where(i => i.Id == import.Id && i.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, ImportStatus.Running), cancellationToken);

        var outcome = await DecodeAsync(file, ArchiveExpansion.Limits(options.Value, import), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ImportFiles.SingleAsync(f => f.Id == file.Id, cancellationToken);
        if (claimed.Status != ImportFileStatus.Queued)
        {
            return; // another run of this job finished it meanwhile
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var counted = await RecordAsync(db, import, claimed, outcome, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CountAsync(db, import.Id, counted, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What the bytes are: an activity (its streams already stored), an archive's entries (stored), or an error.</summary>
    private async Task<ParseOutcome> DecodeAsync(ImportFile file, ArchiveLimits archiveLimits, CancellationToken cancellationToken)
    {
        try
        {
            await using var original = blobs.Open(file.Sha256);
            if (IsZip(original))
            {
                using var archive = ExportArchive.Open(original, archiveLimits);
                return archive.Entries.Count == 0
                    ? new ParseOutcome.Failed(ArchiveExpansion.NothingToImport)
                    : new ParseOutcome.Archive(await ArchiveExpansion.StoreAsync(blobs, archive, options.Value.MaxFileBytes, cancellationToken));
            }

            var decoded = ActivityReader.Read(original);
            if (RecordingSummary.Of(decoded) is not { } summary)
            {
                return new ParseOutcome.Failed("The file holds no timed samples, so there is no workout to import.");
            }

            var streams = await blobs.PutAsync(StreamCodec.Encode(decoded.Streams), cancellationToken);
            return new ParseOutcome.Decoded(decoded, summary.ToFacts(file.Sha256, file.FileName, streams.Sha256, decoded));
        }
        catch (ActivityFormatException error)
        {
            return new ParseOutcome.Failed(error.Message);
        }
    }

    /// <summary>Files the outcome in the open transaction and says which counter it moves (null: the archive moved its own).</summary>
    private async Task<ImportFileStatus?> RecordAsync(FormaDbContext db, Import import, ImportFile file, ParseOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case ParseOutcome.Failed failed:
                file.MarkFailed(failed.Error, now);
                return ImportFileStatus.Failed;
            case ParseOutcome.Archive archive:
                await ArchiveExpansion.RecordAsync(db, import, file, archive.Entries, now, cancellationToken);
                return null;
            case ParseOutcome.Decoded decoded:
                await AthleteTimeline.LockAsync(db, import.AthleteId, cancellationToken);
                return await FileRecordingAsync(db, import, file, decoded.File, decoded.Facts, now, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome));
        }
    }

    private async Task<ImportFileStatus> FileRecordingAsync(FormaDbContext db, Import import, ImportFile file, ActivityFile decoded, RecordingFacts facts, DateTime now, CancellationToken cancellationToken)
    {
        // Checked under the timeline lock: the same bytes for this athlete are a duplicate, even when deleted.
        var existing = await db.Recordings.Where(r => r.AthleteId == import.AthleteId && r.Sha256 == file.Sha256)
            .Select(r => (Guid?)r.ActivityId).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            file.MarkDuplicate(existing, now);
            return ImportFileStatus.Duplicate;
        }

        // The same workout recorded by another device joins that activity instead of counting twice.
        if (await FindSameWorkoutAsync(db, import.AthleteId, facts, decoded.Streams, cancellationToken) is { } same)
        {
            var joining = Recording.Create(same, facts, now);
            db.Recordings.Add(joining);
            RecordingSegments.Add(db, joining, decoded);
            db.Enqueue(new AnalyzeActivity(same.Id), now);
            file.MarkDone(same.Id, now);
            return ImportFileStatus.Done;
        }

        var activity = Activity.FromRecordingFacts(file.TenantId, import.AthleteId, facts, file.ActivityName ?? decoded.Metadata.Name, now);
        var recording = Recording.Create(activity, facts, now);
        db.Activities.Add(activity);
        db.Recordings.Add(recording);
        RecordingSegments.Add(db, recording, decoded);
        activity.SetPrimary(recording);
        db.Enqueue(new AnalyzeActivity(activity.Id), now);
        file.MarkDone(activity.Id, now);
        return ImportFileStatus.Done;
    }

    private async Task<Activity?> FindSameWorkoutAsync(FormaDbContext db, Guid athleteId, RecordingFacts facts, SampleStreams streams, CancellationToken cancellationToken)
    {
        var from = facts.StartTime - SameWorkout.StartTolerance;
        var to = facts.StartTime + SameWorkout.StartTolerance;
        var candidates = await db.Activities.Counting().Where(a => a.AthleteId == athleteId && a.StartTime >= from && a.StartTime <= to)
            .Join(db.Recordings, a => a.PrimaryRecordingId, r => r.Id, (a, r) => new { Activity = a, Primary = r })
            .ToListAsync(cancellationToken);
        var incoming = new TimedStreams(Guid.Empty, facts.StartTime, streams);
        foreach (var candidate in candidates)
        {
            var existing = ActivityStreams.Timed(blobs, candidate.Primary);
            if (SameWorkout.Test(candidate.Primary.Sport, candidate.Primary.StartTime, candidate.Primary.Duration, existing, facts.Sport, facts.StartTime, facts.Duration, incoming))
            {
                return candidate.Activity;
            }
        }

        return null;
    }

    /// <summary>Zip archives are expanded, not decoded; checked by their first bytes like every format.</summary>
    private static bool IsZip(Stream original)
    {
        Span<byte> head = stackalloc byte[4];
        var got = original.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        original.Position = 0;
        return ActivitySniffer.Detect(head[..got]) == DetectedFormat.Zip;
    }

    /// <summary>
    /// Moves the import's counter atomically (files of one import are parsed in parallel) and closes it after
    /// its last file; a null outcome only checks for completion (an archive moved its counters itself).
    /// </summary>
    private static async Task CountAsync(FormaDbContext db, Guid importId, ImportFileStatus? outcome, DateTime now, CancellationToken cancellationToken)
    {
        var import = db.Imports.Where(i => i.Id == importId);
        await (outcome switch
        {
            null => Task.FromResult(0),
            ImportFileStatus.Done => import.ExecuteUpdateAsync(set => set.SetProperty(i => i.FilesDone, i => i.FilesDone + 1), cancellationToken),
            ImportFileStatus.Failed => import.ExecuteUpdateAsync(set => set.SetProperty(i => i.FilesFailed, i => i.FilesFailed + 1), cancellationToken),
            ImportFileStatus.Duplicate => import.ExecuteUpdateAsync(set => set.SetProperty(i => i.FilesDuplicate, i => i.FilesDuplicate + 1), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        });
        await import.Where(i => i.FilesDone + i.FilesFailed + i.FilesDuplicate >= i.FilesTotal && i.Status != ImportStatus.Done)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, ImportStatus.Done).SetProperty(i => i.CompletedAt, now), cancellationToken);
    }

    private abstract record ParseOutcome
    {
        public sealed record Decoded(ActivityFile File, RecordingFacts Facts) : ParseOutcome;

        public sealed record Archive(IReadOnlyList<ArchiveExpansion.StoredEntry> Entries) : ParseOutcome;

        public sealed record Failed(string Error) : ParseOutcome;
    }
}
