namespace Forma.Web.Features.Activities;

/// <summary>The <c>Imports</c> configuration section: limits on uploads.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>One file larger than this is refused (and reported) while the others of the upload go on.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Files in one upload.</summary>
    public int MaxFiles { get; set; } = 1000;

    /// <summary>
    /// Entries of the export archives in one import, nested archives' included. Far above a real export (a decade
    /// of Strava is a few thousand activities), far below what floods the job queue: an archive of 20,000 tiny
    /// entries became 20,000 parse jobs (issue #18 B.1). Refused at upload when the archive's own directory
    /// already says so, otherwise when the archive is expanded.
    /// </summary>
    public int MaxArchiveEntries { get; set; } = 10_000;

    /// <summary>The whole request body.</summary>
    public long MaxRequestBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
