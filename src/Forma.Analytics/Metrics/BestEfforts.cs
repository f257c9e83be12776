namespace Forma.Analytics.Metrics;

/// <summary>Fastest time over standard distances anywhere inside an activity.</summary>
public static class BestEfforts
{
    /// <summary>400 m, 1 km, 1 mile, 5 km, 10 km, half and full marathon.</summary>
    public static IReadOnlyList<double> RunningDistances { get; } = [400, 1000, 1609.344, 5000, 10000, 21097.5, 42195];

    /// <summary>100 m, 400 m, 1500 m.</summary>
    public static IReadOnlyList<double> SwimmingDistances { get; } = [100, 400, 1500];

    /// <summary>
    /// For each distance, the shortest time from any point to any later row that covers it: a two-pointer walk
    /// over the cumulative distance (O(n) per distance), the start interpolated linearly in time where the
    /// distance crosses. Time includes pauses, as a race clock does. Distances longer than the activity are omitted.
    /// Rows with a missing time or distance are skipped. docs/analytics/metrics.md, "Best efforts".
    /// </summary>
    public static IReadOnlyList<BestEffort> Find(double[] time, double[] distance, IReadOnlyList<double> metres)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(distance);
        ArgumentNullException.ThrowIfNull(metres);
        if (time.Length != distance.Length)
        {
            throw new ArgumentException("Time and distance need one value per row.", nameof(distance));
        }

        var found = new List<BestEffort>(metres.Count);
        foreach (var target in metres)
        {
            if (target > 0 && Fastest(time, distance, target) is { } effort)
            {
                found.Add(effort);
            }
        }

        return found;
    }

    private static BestEffort? Fastest(double[] time, double[] distance, double target)
    {
        var (bestSeconds, bestStart, bestEnd) = (double.PositiveInfinity, -1, -1);
        var start = Next(time, distance, -1);
        for (var end = start; end >= 0; end = Next(time, distance, end))
        {
            // Move the start forward while the stretch from the following row still covers the target.
            var after = Next(time, distance, start);
            while (after >= 0 && after < end && distance[end] - distance[after] >= target)
            {
                start = after;
                after = Next(time, distance, start);
            }

            var excess = distance[end] - distance[start] - target;
            if (excess < 0 || after < 0)
            {
                continue;
            }

            // The target is first covered part-way from start to after: start the clock there.
            var step = distance[after] - distance[start];
            var crossing = time[start] + (step > 0 ? excess / step : 0) * (time[after] - time[start]);
            if (time[end] - crossing < bestSeconds)
            {
                (bestSeconds, bestStart, bestEnd) = (time[end] - crossing, start, end);
            }
        }

        return bestStart < 0 ? null : new BestEffort(target, bestSeconds, bestStart, bestEnd);
    }

    private static int Next(double[] time, double[] distance, int row)
    {
        for (var i = row + 1; i < time.Length; i++)
        {
            if (double.IsFinite(time[i]) && double.IsFinite(distance[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
