namespace Forma.Formats.Fit;

/// <summary>How strictly <see cref="FitDecoder"/> reads, and the limits that keep a hostile file from costing too much.</summary>
public sealed record FitDecodeOptions
{
    public static FitDecodeOptions Default { get; } = new();

    /// <summary>
    /// Salvage mode: read past a CRC mismatch, a truncated tail or a corrupt chained header and keep what was read,
    /// recording a warning instead of failing. Devices that lose power mid-write leave exactly such files.
    /// </summary>
    public bool IgnoreCrc { get; init; }

    /// <summary>Definition and data messages allowed in one input; more ends in <c>fit-too-large</c>.</summary>
    public int MaxMessages { get; init; } = 20_000_000;

    /// <summary>Bytes read from a stream before giving up with <c>fit-too-large</c>.</summary>
    public long MaxBytes { get; init; } = 512L * 1024 * 1024;
}
