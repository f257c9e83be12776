using Forma.Analytics.Physiology;
using Forma.Analytics.Zones;
using Forma.Formats;

namespace Forma.Analytics.Metrics;

/// <summary>
/// The per-activity (or per-lap) summary: times, distance, elevation, averages and maxima, and the training
/// scores the athlete's thresholds allow. Each metric's formula, constants and source: docs/analytics/metrics.md.
/// A few linear passes over the columns; nothing is allocated per sample.
/// </summary>
public static class ActivityMetrics
{
    /// <summary>The whole recording. <paramref name="zones"/> defaults to <see cref="ZoneModels.For"/>.</summary>
    public static ActivityMetricsResult Compute(SampleStreams streams, string sport, Thresholds thresholds, IReadOnlyList<ZoneSet>? zones = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return Compute(streams, sport, thresholds, 0, streams.Count, zones);
    }

    /// <summary>A lap: rows [<paramref name="fromRow"/>, <paramref name="toRow"/>), computed exactly as an activity of those rows.</summary>
    public static ActivityMetricsResult Compute(SampleStreams streams, string sport, Thresholds thresholds, int fromRow, int toRow, IReadOnlyList<ZoneSet>? zones = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (fromRow < 0 || toRow > streams.Count || fromRow > toRow)
        {
            throw new ArgumentOutOfRangeException(nameof(fromRow), $"Rows [{fromRow}, {toRow}) are not within the recording's {streams.Count} rows.");
        }

        var c = Columns.Of(streams, sport);
        var (from, to) = (fromRow, toRow);
        var moving = c.Moving(from, to);
        var distance = StreamStats.Span(c.Distance, from, to);
        var (gain, loss) = Elevation.Compute(c.Time, c.Altitude, from, to);
        var work = StreamStats.Integral(c.Time, c.Power, from, to);
        var result = new ActivityMetricsResult
        {
            ElapsedTime = Recording.Elapsed(c.Time, from, to),
            MovingTime = moving,
            Distance = distance,
            ElevationGain = gain,
            ElevationLoss = loss,
            AverageSpeed = distance is { } d && moving > 0 ? d / moving : null,
            MaxSpeed = StreamStats.Max(c.Speed, from, to),
            AverageHeartRate = StreamStats.Mean(c.Time, c.HeartRate, from, to),
            MaxHeartRate = StreamStats.Max(c.HeartRate, from, to),
            AverageCadence = StreamStats.Mean(c.Time, c.Cadence, from, to, skipZeros: true),
            MaxCadence = StreamStats.Max(c.Cadence, from, to),
            AveragePower = StreamStats.Mean(c.Time, c.Power, from, to),
            MaxPower = StreamStats.Max(c.Power, from, to),
            Work = work / 1000,
            AerobicDecoupling = Efficiency.Decoupling(c, from, to),
            TimeInZones = TimeInZones.Compute(streams, c.Time, c.Distance, zones ?? ZoneModels.For(thresholds, sport), from, to),
        };
        result = WithPower(result, c, thresholds, from, to);
        result = WithHeartRate(result, c, thresholds, from, to);
        result = WithPace(result, c, thresholds, from, to);
        var (load, method) = LoadMethods.Choose(result);
        var ef = Efficiency.Factor(c, from, to, result.AverageHeartRate, result.NormalizedPower, result.NormalizedGradedSpeed);
        return result with { Load = load, LoadMethod = method, EfficiencyFactor = ef };
    }

    private static ActivityMetricsResult WithPower(ActivityMetricsResult r, Columns c, Thresholds t, int from, int to)
    {
        if (NormalizedPower.Compute(c.Time, c.Power, from, to) is not { } np)
        {
            return r;
        }

        if (t.FunctionalThresholdPower is not { } ftp || ftp <= 0)
        {
            return r with { NormalizedPower = np };
        }

        var seconds = Recording.Seconds(c.Time, from, to);
        return r with
        {
            NormalizedPower = np,
            IntensityFactor = np / ftp,
            Tss = NormalizedPower.Tss(seconds, np, ftp),
        };
    }

    private static ActivityMetricsResult WithHeartRate(ActivityMetricsResult r, Columns c, Thresholds t, int from, int to)
    {
        if (t is not { MaxHeartRate: { } max, RestingHeartRate: { } rest, Sex: { } sex }
            || HeartRateLoad.Trimp(c.Time, c.HeartRate, from, to, rest, max, sex) is not { } trimp)
        {
            return r;
        }

        var hrTss = t.ThresholdHeartRate is { } lthr && lthr > rest ? HeartRateLoad.HeartRateTss(trimp, lthr, rest, max, sex) : (double?)null;
        return r with { Trimp = trimp, HeartRateTss = hrTss };
    }

    private static ActivityMetricsResult WithPace(ActivityMetricsResult r, Columns c, Thresholds t, int from, int to)
    {
        var hours = r.MovingTime / 3600;
        if (c.Sport == SportKind.Run && c.NormalizedGradedSpeed(from, to) is { } ngs)
        {
            var rtss = t.ThresholdSpeed is > 0 and var ts ? hours * Math.Pow(ngs / ts, 2) * 100 : (double?)null;
            return r with { NormalizedGradedSpeed = ngs, RunningTss = rtss };
        }

        if (c.Sport == SportKind.Swim && r.AverageSpeed is { } speed && t.SwimCriticalSpeed is > 0 and var css)
        {
            return r with { SwimTss = hours * Math.Pow(speed / css, 3) * 100 };
        }

        return r;
    }
}
