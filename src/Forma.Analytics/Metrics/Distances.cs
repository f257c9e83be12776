using Forma.Formats;

namespace Forma.Analytics.Metrics;

/// <summary>The cumulative distance column a metric reads, whatever the recording carried.</summary>
internal static class Distances
{
    /// <summary>Mean Earth radius (IUGG, R1), for the haversine distance between GPS points.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>
    /// The recorded distance stream; else one summed from latitude/longitude (haversine, GPX files carry no
    /// distance); else one integrated from speed over recorded intervals; else null. Derived columns are
    /// one allocation for the whole recording.
    /// </summary>
    public static double[]? Of(SampleStreams streams)
    {
        if (streams[StreamNames.Distance] is { } recorded)
        {
            return recorded;
        }

        if (streams[StreamNames.Latitude] is { } lat && streams[StreamNames.Longitude] is { } lon)
        {
            return FromPositions(lat, lon);
        }

        if (streams[StreamNames.Speed] is { } speed && streams[StreamNames.Time] is { } time)
        {
            var d = new double[speed.Length];
            for (var i = 1; i < d.Length; i++)
            {
                d[i] = d[i - 1] + (double.IsFinite(speed[i]) ? speed[i] * Recording.Dt(time, i) : 0);
            }

            return d;
        }

        return null;
    }

    private static double[] FromPositions(double[] lat, double[] lon)
    {
        var d = new double[lat.Length];
        var last = -1;
        var total = 0.0;
        for (var i = 0; i < d.Length; i++)
        {
            if (double.IsFinite(lat[i]) && double.IsFinite(lon[i]))
            {
                total += last < 0 ? 0 : Haversine(lat[last], lon[last], lat[i], lon[i]);
                last = i;
            }

            d[i] = last < 0 ? double.NaN : total;
        }

        return d;
    }

    /// <summary>Great-circle distance in metres between two points in degrees.</summary>
    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double Rad = Math.PI / 180;
        var dLat = (lat2 - lat1) * Rad;
        var dLon = (lon2 - lon1) * Rad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
