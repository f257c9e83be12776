namespace Forma.Analytics.Metrics;

/// <summary>
/// Total ascent and descent with hysteresis: a climb or descent is counted from turning point to turning point,
/// and a turn only counts once the altitude has come back <see cref="HysteresisMetres"/> from the extreme, so
/// noise that wobbles within that band adds nothing while a real climb counts in full. docs/analytics/metrics.md.
/// </summary>
internal static class Elevation
{
    /// <summary>
    /// Band width in metres. Barometric altimeters are steady to about ±1 m; GPS altitude wanders several
    /// metres. The streams do not say which sensor wrote them, so one band serves both.
    /// </summary>
    public const double HysteresisMetres = 3;

    public static (double? Gain, double? Loss) Compute(double[] time, double[]? altitude, int from, int to, double hysteresis = HysteresisMetres)
    {
        if (altitude is null)
        {
            return (null, null);
        }

        double turn = double.NaN, extreme = double.NaN, gain = 0, loss = 0;
        var direction = 0;
        var last = -1;
        for (var i = from; i < to; i++)
        {
            var a = altitude[i];
            if (!double.IsFinite(a))
            {
                continue;
            }

            var paused = last >= 0 && time[i] - time[last] > Recording.MaxGapSeconds;
            last = i;
            if (paused && direction != 0)
            {
                (gain, loss) = Count(gain, loss, turn, extreme);
            }

            if (double.IsNaN(turn) || paused)
            {
                (turn, extreme, direction) = (a, a, 0);
            }
            else if (direction == 0)
            {
                direction = a - turn >= hysteresis ? 1 : turn - a >= hysteresis ? -1 : 0;
                extreme = a;
            }
            else if ((a - extreme) * direction > 0)
            {
                extreme = a;
            }
            else if ((extreme - a) * direction >= hysteresis)
            {
                (gain, loss) = Count(gain, loss, turn, extreme);
                turn = extreme;
                extreme = a;
                direction = -direction;
            }
        }

        if (double.IsNaN(turn))
        {
            return (null, null);
        }

        return direction == 0 ? (gain, loss) : Count(gain, loss, turn, extreme);
    }

    private static (double Gain, double Loss) Count(double gain, double loss, double turn, double extreme) =>
        extreme > turn ? (gain + extreme - turn, loss) : (gain, loss + turn - extreme);
}
