using Forma.Analytics.Zones;
using Forma.Formats;

namespace Forma.Analytics.Metrics;

/// <summary>
/// Seconds per zone: every recorded interval (pauses excluded, <see cref="Recording"/>) whose value is known
/// adds its length to the zone holding that value. Pace zones read the speed stream, else Δdistance/Δt.
/// A zone set whose stream the recording lacks is left out; one whose stream is there lists every zone, empty ones at 0 s.
/// </summary>
internal static class TimeInZones
{
    public static IReadOnlyList<ZoneTime> Compute(SampleStreams streams, double[] time, double[]? distance, IReadOnlyList<ZoneSet> sets, int from, int to)
    {
        var result = new List<ZoneTime>();
        foreach (var set in sets)
        {
            var values = streams[ZoneKinds.StreamFor(set.Kind)];
            var pace = set.Kind == ZoneKinds.Pace;
            if (values is null && !(pace && distance is not null))
            {
                continue;
            }

            var seconds = new double[set.Zones.Count];
            for (var i = from + 1; i < to; i++)
            {
                var dt = Recording.Dt(time, i);
                if (dt == 0)
                {
                    continue;
                }

                var v = pace && values is null ? MovingTime.IntervalSpeed(distance, null, i, dt) : values![i];
                var zone = set.IndexOf(v);
                if (zone >= 0)
                {
                    seconds[zone] += dt;
                }
            }

            for (var z = 0; z < seconds.Length; z++)
            {
                var zone = set.Zones[z];
                result.Add(new ZoneTime(set.Kind, zone.Name, zone.Low, double.IsFinite(zone.High) ? zone.High : null, seconds[z]));
            }
        }

        return result;
    }
}
