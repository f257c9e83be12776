namespace Forma.Formats.Detection;

/// <summary>
/// Caps on decompressed output, against "zip bombs" (a few KB that inflate to terabytes). Real activity files
/// compress 3:1 to 20:1; a bomb reaches 1000:1.
/// </summary>
public sealed record DecompressionLimits
{
    public long MaxDecompressedBytes { get; init; } = 1L << 30;

    public double MaxRatio { get; init; } = 200;

    /// <summary>Output below this size is never refused for its ratio: a tiny file can compress extremely well.</summary>
    public long RatioGraceBytes { get; init; } = 1L << 20;
}
