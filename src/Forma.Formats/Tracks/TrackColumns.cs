namespace Forma.Formats.Tracks;

/// <summary>
/// The streams the XML writers write, looked up once: a stream the activity lacks is one shared column of NaN,
/// so the per-point code reads every value the same way.
/// </summary>
internal sealed class TrackColumns
{
    public TrackColumns(SampleStreams streams)
    {
        var none = new double[streams.Count];
        Array.Fill(none, double.NaN);
        double[] Column(string name) => streams[name] ?? none;
        Time = Column(StreamNames.Time);
        Latitude = Column(StreamNames.Latitude);
        Longitude = Column(StreamNames.Longitude);
        Altitude = Column(StreamNames.Altitude);
        Distance = Column(StreamNames.Distance);
        Speed = Column(StreamNames.Speed);
        HeartRate = Column(StreamNames.HeartRate);
        Cadence = Column(StreamNames.Cadence);
        Power = Column(StreamNames.Power);
        Temperature = Column(StreamNames.Temperature);
    }

    public double[] Time { get; }
    public double[] Latitude { get; }
    public double[] Longitude { get; }
    public double[] Altitude { get; }
    public double[] Distance { get; }
    public double[] Speed { get; }
    public double[] HeartRate { get; }
    public double[] Cadence { get; }
    public double[] Power { get; }
    public double[] Temperature { get; }

    public bool HasPosition(int row) => !double.IsNaN(Latitude[row]) && !double.IsNaN(Longitude[row]);
}
