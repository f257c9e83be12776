namespace Forma.Analytics.Metrics;

/// <summary>
/// Moving time: recorded intervals (not pauses, <see cref="Recording"/>) whose speed is at least the sport's
/// floor. An interval's speed is Δdistance/Δt when both ends have a distance, else the speed stream's value;
/// an interval with neither (an indoor ride without a speed sensor) counts as moving. docs/analytics/metrics.md.
/// </summary>
internal static class MovingTime
{
    /// <summary>
    /// Speed floors (m/s): a bicycle below 1 m/s (3.6 km/h) is stopped or being walked; 0.5 m/s on foot running
    /// and 0.3 m/s walking sit under any real progress and above most standing GPS drift; 0.1 m/s in water.
    /// </summary>
    public static double MinSpeed(SportKind sport) => sport switch
    {
        SportKind.Ride => 1.0,
        SportKind.Run => 0.5,
        SportKind.Swim => 0.1,
        SportKind.Walk or SportKind.Other => 0.3,
    };

    public static double Compute(double[] time, double[]? distance, double[]? speed, int from, int to, double minSpeed)
    {
        var moving = 0.0;
        for (var i = from + 1; i < to; i++)
        {
            var dt = Recording.Dt(time, i);
            if (dt > 0 && !(IntervalSpeed(distance, speed, i, dt) < minSpeed))
            {
                moving += dt;
            }
        }

        return moving;
    }

    /// <summary>The interval's speed, or NaN when neither distance nor speed says.</summary>
    public static double IntervalSpeed(double[]? distance, double[]? speed, int i, double dt)
    {
        if (distance is not null && double.IsFinite(distance[i]) && double.IsFinite(distance[i - 1]))
        {
            return (distance[i] - distance[i - 1]) / dt;
        }

        return speed is not null ? speed[i] : double.NaN;
    }
}
