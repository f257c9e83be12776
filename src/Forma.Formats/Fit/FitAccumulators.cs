namespace Forma.Formats.Fit;

/// <summary>
/// Accumulated fields (the profile's "accumulate" column): a field or component holds only the low bits of a
/// running total, and each new value is added as its difference from the last, modulo the field's range. A full
/// field of the same quantity (record.distance, total_cycles, accumulated_power) resets the total, so a file
/// may mix both.
/// </summary>
internal sealed class FitAccumulators
{
    public const int None = -1;
    public const int Distance = 0;
    public const int Cycles = 1;
    public const int Power = 2;

    private readonly double[] _totals = new double[3];

    public void Reset() => Array.Clear(_totals);

    public void Set(int slot, double total) => _totals[slot] = total;

    /// <summary>Adds a <paramref name="bits"/>-bit value counted in 1/<paramref name="scale"/> units and returns the new total.</summary>
    public double Add(int slot, long value, int bits, double scale)
    {
        var mask = (1L << bits) - 1;
        var last = (long)Math.Round(_totals[slot] * scale);
        var total = last + ((value - last) & mask);
        _totals[slot] = total / scale;
        return _totals[slot];
    }
}
