namespace Forma.Formats.Archives;

/// <summary>
/// Caps on what an export archive may make us do. Real exports are large but ordinary: a decade of Strava
/// is a few thousand files, an Apple Health export.xml a few GB that deflates about 20:1. Archives built to
/// exhaust the server (a million entries, a kilobyte that inflates to terabytes) break these caps.
/// </summary>
public sealed record ArchiveLimits
{
    /// <summary>Entries in the archive, nested archives' entries included.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>
    /// Bytes inflated from the archive over its whole life, sniffing and every read of every entry included,
    /// and the most the declared sizes may add up to.
    /// </summary>
    public long MaxTotalBytes { get; init; } = 16L << 30;

    /// <summary>The highest declared uncompressed-to-compressed ratio of an entry; deflate reaches about 1000:1 on zeros.</summary>
    public double MaxRatio { get; init; } = 200;

    /// <summary>Entries below this size are never refused for their ratio: a tiny file can compress extremely well.</summary>
    public long RatioGraceBytes { get; init; } = 1L << 20;

    /// <summary>
    /// An upload that cannot seek is copied to a temporary file first (a zip's directory sits at its end);
    /// this caps that copy.
    /// </summary>
    public long MaxArchiveBytes { get; init; } = 8L << 30;
}
