namespace Forma.Web.Features.Activities;

/// <summary>The <c>Imports</c> configuration section: limits on uploads.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>One file larger than this is refused (and reported) while the others of the upload go on.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Files in one upload.</summary>
    public int MaxFiles { get; set; } = 1000;

    /// <summary>The whole request body.</summary>
    public long MaxRequestBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
