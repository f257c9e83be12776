using Forma.Core.Tenancy;

namespace Forma.Core.Activities;

/// <summary>One file of an import: its stored original (by SHA-256) and what became of it.</summary>
public sealed class ImportFile : ITenantOwned
{
    public const int FileNameMaxLength = 255;
    public const int ErrorMaxLength = 1000;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ImportId { get; private set; }

    /// <summary>Where the file stood in the upload, from 0; results are listed in this order.</summary>
    public int Position { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>Hex SHA-256 of the original bytes; the key of the stored original.</summary>
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>The activity's name as an export's index gave it (Strava's activities.csv), used over the file's own.</summary>
    public string? ActivityName { get; private set; }
    public ImportFileStatus Status { get; private set; }
    public string? Error { get; private set; }
    public Guid? ActivityId { get; private set; }
    public DateTime? ProcessedAt { get; private set; }

    private ImportFile()
    {
    }

    public static ImportFile Add(Import import, int position, string fileName, string sha256, long size, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(import);
        var name = Path.GetFileName(fileName ?? "").Trim();
        return new ImportFile
        {
            TenantId = import.TenantId,
            Id = Guid.CreateVersion7(now),
            ImportId = import.Id,
            Position = position,
            FileName = name.Length == 0 ? "upload" : name[..Math.Min(name.Length, FileNameMaxLength)],
            Sha256 = sha256,
            Size = size,
            Status = ImportFileStatus.Queued,
        };
    }

    public void MarkDone(Guid activityId, DateTime now) => Finish(ImportFileStatus.Done, activityId, null, now);

    public void MarkExpanded(DateTime now) => Finish(ImportFileStatus.Expanded, null, null, now);

    public void NameActivity(string? name) => ActivityName = string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(name.Trim().Length, Activity.NameMaxLength)];

    /// <summary>The same bytes were imported before for this athlete: points at that activity.</summary>
    public void MarkDuplicate(Guid? activityId, DateTime now) => Finish(ImportFileStatus.Duplicate, activityId, null, now);

    public void MarkFailed(string error, DateTime now) =>
        Finish(ImportFileStatus.Failed, null, string.IsNullOrWhiteSpace(error) ? "The file could not be read." : error[..Math.Min(error.Length, ErrorMaxLength)], now);

    private void Finish(ImportFileStatus status, Guid? activityId, string? error, DateTime now)
    {
        Status = status;
        ActivityId = activityId;
        Error = error;
        ProcessedAt = now;
    }
}
