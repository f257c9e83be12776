namespace Forma.Formats.Tracks;

/// <summary>Great-circle distance on a spherical earth, accurate to about 0.5 % — well inside GPS noise.</summary>
public static class Haversine
{
    /// <summary>Mean earth radius R1 = (2a + b) / 3 of WGS 84, in metres (IUGG; Moritz, "Geodetic Reference System 1980").</summary>
    public const double EarthRadiusMetres = 6371008.8;

    /// <summary>d = 2R·asin(√(sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2))), degrees in, metres out.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = double.DegreesToRadians(lat1);
        var phi2 = double.DegreesToRadians(lat2);
        var dPhi = phi2 - phi1;
        var dLambda = double.DegreesToRadians(lon2 - lon1);
        var h = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2))
            + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }
}
