namespace Forma.Data.Blobs;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where blobs live; a relative path is under the content root. Instances that scale out share it (a network volume).</summary>
    public string Path { get; set; } = "data/blobs";

    /// <summary>
    /// How long a blob nothing refers to is kept before it is deleted, counted from its last write. It covers
    /// an import whose blob is written before the row that refers to it commits, however slow that import is.
    /// </summary>
    public TimeSpan CollectAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A file in <c>incoming</c> older than this was left by a crash mid-upload (uploads finish in minutes); it is deleted at start.</summary>
    public TimeSpan IncomingMaxAge { get; set; } = TimeSpan.FromDays(1);
}
