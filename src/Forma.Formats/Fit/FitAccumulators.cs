namespace Forma.Formats.Fit;

/// <summary>
/// Accumulated fields (profile "accumulate" column): a component holds only the low bits of a running total,
/// and each new value is added as its difference from the last, modulo the component's range.
/// </summary>
internal struct FitAccumulators
{
    private long _distance16;

    /// <summary>Adds a 12-bit distance component (1/16 m) and returns the running total in the same unit.</summary>
    public long AddDistance16(int value)
    {
        _distance16 += (value - _distance16) & 0xFFF;
        return _distance16;
    }
}
