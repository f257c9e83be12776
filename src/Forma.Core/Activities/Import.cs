using Forma.Core.Tenancy;

namespace Forma.Core.Activities;

/// <summary>
/// One upload of one or many files for an athlete. Its counters move as background jobs finish each file,
/// so a page can show progress; the import is done when every file is done, failed or a duplicate.
/// </summary>
public sealed class Import : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public ImportStatus Status { get; private set; }
    public int FilesTotal { get; private set; }
    public int FilesDone { get; private set; }
    public int FilesFailed { get; private set; }
    public int FilesDuplicate { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    private Import()
    {
    }

    public static Import Start(Guid tenantId, Guid athleteId, Guid? createdByUserId, int filesTotal, DateTime now) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        AthleteId = athleteId,
        CreatedByUserId = createdByUserId,
        Status = filesTotal == 0 ? ImportStatus.Done : ImportStatus.Queued,
        FilesTotal = filesTotal,
        CreatedAt = now,
        CompletedAt = filesTotal == 0 ? now : null,
    };

    public int FilesFinished => FilesDone + FilesFailed + FilesDuplicate;

    /// <summary>A file refused at upload (too large): it counts as failed from the start, and the rest goes on.</summary>
    public void RejectAtUpload(DateTime now)
    {
        FilesFailed++;
        if (FilesFinished == FilesTotal)
        {
            Status = ImportStatus.Done;
            CompletedAt = now;
        }
    }
}
