namespace Forma.Formats;

/// <summary>The stream names every format maps onto, in the API's spelling.</summary>
public static class StreamNames
{
    /// <summary>Seconds from the recording's start time.</summary>
    public const string Time = "time";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";

    /// <summary>Metres above sea level.</summary>
    public const string Altitude = "altitude";

    /// <summary>Metres from the start.</summary>
    public const string Distance = "distance";

    /// <summary>Metres per second.</summary>
    public const string Speed = "speed";
    public const string HeartRate = "heartRate";
    public const string Cadence = "cadence";
    public const string Power = "power";

    /// <summary>Degrees Celsius.</summary>
    public const string Temperature = "temperature";
}

/// <summary>
/// Samples as columns: one array per stream, all of <see cref="Count"/> length, <see cref="double.NaN"/>
/// where a sample has no value. Columns, not per-second objects, because that is what analysis scans and
/// what costs least memory (a 4-hour ride is 14,400 rows; a row object per second would be 14,400 allocations).
/// </summary>
public sealed class SampleStreams
{
    private readonly Dictionary<string, double[]> _streams;

    public SampleStreams(int count, IReadOnlyDictionary<string, double[]> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Values.Any(s => s.Length != count))
        {
            throw new ArgumentException("Every stream has one value per sample.", nameof(streams));
        }

        Count = count;
        _streams = new Dictionary<string, double[]>(streams, StringComparer.Ordinal);
    }

    public static SampleStreams Empty { get; } = new(0, new Dictionary<string, double[]>());

    public int Count { get; }

    public IEnumerable<string> Names => _streams.Keys;

    public bool Has(string name) => _streams.ContainsKey(name);

    /// <summary>The stream, or null when the recording has none by that name.</summary>
    public double[]? this[string name] => _streams.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, double[]> All => _streams;
}
