using Forma.Formats;

namespace Forma.Analytics.Tests.Metrics;

/// <summary>Builds 1 Hz (or any step) recordings from functions of the row index, for closed-form tests.</summary>
internal sealed class Synthetic
{
    private readonly Dictionary<string, double[]> _streams = new(StringComparer.Ordinal);
    private readonly int _rows;

    private Synthetic(int rows, double step)
    {
        _rows = rows;
        _streams[StreamNames.Time] = Enumerable.Range(0, rows).Select(i => i * step).ToArray();
    }

    /// <summary>A recording of <paramref name="seconds"/> seconds: rows at 0, step, …, seconds.</summary>
    public static Synthetic Seconds(int seconds, double step = 1) => new((int)(seconds / step) + 1, step);

    public double[] Time => _streams[StreamNames.Time];

    public Synthetic With(string name, Func<int, double> value)
    {
        _streams[name] = Enumerable.Range(0, _rows).Select(value).ToArray();
        return this;
    }

    public Synthetic With(string name, double constant) => With(name, _ => constant);

    /// <summary>Distance from a speed per interval: row i's speed covers (t[i-1], t[i]].</summary>
    public Synthetic WithSpeed(Func<int, double> speed)
    {
        var time = Time;
        var distance = new double[_rows];
        for (var i = 1; i < _rows; i++)
        {
            distance[i] = distance[i - 1] + speed(i) * (time[i] - time[i - 1]);
        }

        _streams[StreamNames.Distance] = distance;
        return With(StreamNames.Speed, speed);
    }

    public SampleStreams Build() => new(_rows, _streams);
}
