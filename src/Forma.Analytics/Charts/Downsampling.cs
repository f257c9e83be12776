using Forma.Formats;

namespace Forma.Analytics.Charts;

/// <summary>
/// Thins streams for charts to <c>points</c> rows with largest-triangle-three-buckets (Steinarsson, "Downsampling
/// Time Series for Visual Representation", 2013): the rows are split into buckets and each bucket keeps the row
/// that forms the largest triangle with the row kept before it and the average of the next bucket, so peaks
/// and troughs survive where even steps would skip them. One set of rows serves every stream, so they stay
/// aligned: the triangle area is summed over all streams, each scaled by its own range so that heart rate in
/// beats and altitude in metres weigh alike. The first and last rows are always kept.
/// </summary>
public static class Downsampling
{
    public static IReadOnlyDictionary<string, double?[]> Thin(SampleStreams streams, int? points)
    {
        var rows = points switch
        {
            { } wanted when wanted >= streams.Count => Enumerable.Range(0, streams.Count).ToArray(),
            2 => [0, streams.Count - 1],
            { } wanted and >= 3 => LargestTriangleRows(streams, wanted),
            _ => Enumerable.Range(0, streams.Count).ToArray(),
        };
        return streams.All.ToDictionary(
            s => s.Key,
            s => rows.Select(r => double.IsFinite(s.Value[r]) ? s.Value[r] : (double?)null).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The row indices LTTB keeps, ascending, exactly <paramref name="points"/> of them.</summary>
    public static int[] LargestTriangleRows(SampleStreams streams, int points)
    {
        var count = streams.Count;
        var x = XAxis(streams);
        var series = streams.All.Where(s => s.Key != StreamNames.Time).Select(s => Scaled(s.Value)).Where(s => s is not null).Cast<double[]>().ToList();
        var rows = new int[points];
        rows[points - 1] = count - 1;
        var bucket = (count - 2) / (double)(points - 2);
        var kept = 0;
        for (var b = 0; b < points - 2; b++)
        {
            var from = 1 + (int)(b * bucket);
            var to = Math.Min(1 + (int)((b + 1) * bucket), count - 1);
            var nextFrom = to;
            var nextTo = Math.Min(1 + (int)((b + 2) * bucket), count - 1);
            if (nextTo <= nextFrom)
            {
                (nextFrom, nextTo) = (count - 1, count);
            }

            var nextX = Average(x, nextFrom, nextTo);
            var nextY = series.Select(s => Average(s, nextFrom, nextTo)).ToArray();
            var best = from;
            var bestArea = -1.0;
            for (var r = from; r < to; r++)
            {
                var area = 0.0;
                for (var k = 0; k < series.Count; k++)
                {
                    var s = series[k];
                    if (double.IsFinite(s[kept]) && double.IsFinite(s[r]) && double.IsFinite(nextY[k]))
                    {
                        area += Math.Abs(((x[kept] - nextX) * (s[r] - s[kept])) - ((x[kept] - x[r]) * (nextY[k] - s[kept])));
                    }
                }

                if (area > bestArea)
                {
                    (best, bestArea) = (r, area);
                }
            }

            rows[b + 1] = best;
            kept = best;
        }

        return rows;
    }

    /// <summary>Time scaled to 0..1; the row number when the recording has no usable clock.</summary>
    private static double[] XAxis(SampleStreams streams)
    {
        var count = streams.Count;
        var time = streams[StreamNames.Time];
        var x = new double[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = time is not null && double.IsFinite(time[i]) ? time[i] : (i > 0 ? x[i - 1] : 0);
        }

        var span = x[count - 1] - x[0];
        if (!(span > 0))
        {
            return Enumerable.Range(0, count).Select(i => i / (double)Math.Max(1, count - 1)).ToArray();
        }

        return x.Select(v => (v - x[0]) / span).ToArray();
    }

    /// <summary>The stream scaled to 0..1 by its own range; null when it is constant or empty (it shapes nothing).</summary>
    private static double[]? Scaled(double[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return max > min ? values.Select(v => (v - min) / (max - min)).ToArray() : null;
    }

    private static double Average(double[] values, int from, int to)
    {
        double sum = 0;
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (double.IsFinite(values[i]))
            {
                sum += values[i];
                n++;
            }
        }

        return n > 0 ? sum / n : double.NaN;
    }
}
