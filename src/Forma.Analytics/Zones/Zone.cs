namespace Forma.Analytics.Zones;

/// <summary>
/// One band of a zone set, in the stream's own unit (W, bpm, m/s). <see cref="Low"/> is inclusive and
/// <see cref="High"/> exclusive, so adjacent zones share their cut and no value falls between two zones;
/// the last zone's High is <see cref="double.PositiveInfinity"/>.
/// </summary>
public sealed record Zone(string Name, double Low, double High)
{
    public bool Contains(double value) => value >= Low && value < High;
}
