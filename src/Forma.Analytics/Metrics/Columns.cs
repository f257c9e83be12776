using Forma.Formats;

namespace Forma.Analytics.Metrics;

/// <summary>The columns one computation reads, resolved once: a missing time stream reads as all-NaN (no recorded time).</summary>
internal sealed record Columns(
    double[] Time, double[]? Distance, double[]? Speed, double[]? Altitude, double[]? HeartRate,
    double[]? Cadence, double[]? Power, SportKind Sport)
{
    public double MinSpeed => MovingTime.MinSpeed(Sport);

    public static Columns Of(SampleStreams streams, string sport)
    {
        var time = streams[StreamNames.Time] ?? Enumerable.Repeat(double.NaN, streams.Count).ToArray();
        return new Columns(time, Distances.Of(streams), streams[StreamNames.Speed], streams[StreamNames.Altitude],
            streams[StreamNames.HeartRate], streams[StreamNames.Cadence], streams[StreamNames.Power], SportKinds.Of(sport));
    }

    public double Moving(int from, int to) => MovingTime.Compute(Time, Distance, Speed, from, to, MinSpeed);

    /// <summary>Flat-equivalent metres over moving seconds (<see cref="GradedSpeed"/>); null without distance or movement.</summary>
    public double? NormalizedGradedSpeed(int from, int to)
    {
        var moving = Moving(from, to);
        return GradedSpeed.GradedDistance(Distance, Altitude, from, to) is { } graded && moving > 0
            ? graded / moving
            : null;
    }
}
