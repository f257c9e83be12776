using Forma.Core.Activities;

namespace Forma.Web.Features.Activities;

public sealed record ImportFileResult(Guid Id, string FileName, long Size, string Sha256, ImportFileStatus Status, Guid? ActivityId, string? Error);

/// <summary>An import's progress and, per file, what became of it.</summary>
public sealed record ImportView(
    Guid Id,
    Guid AthleteId,
    ImportStatus Status,
    int FilesTotal,
    int FilesDone,
    int FilesFailed,
    int FilesDuplicate,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    IReadOnlyList<ImportFileResult> Files)
{
    public static ImportView From(Import import, IEnumerable<ImportFile> files) => new(
        import.Id, import.AthleteId, import.Status, import.FilesTotal, import.FilesDone, import.FilesFailed, import.FilesDuplicate, import.CreatedAt, import.CompletedAt,
        files.OrderBy(f => f.Position).Select(f => new ImportFileResult(f.Id, f.FileName, f.Size, f.Sha256, f.Status, f.ActivityId, f.Error)).ToList());
}
