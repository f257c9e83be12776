namespace Forma.Formats.Gpx;

/// <summary>The extension schemas we read values from, matched by namespace, never by the prefix a writer chose.</summary>
internal static class GpxNamespaces
{
    /// <summary>Garmin TrackPointExtension; v1 and v2 share hr, cad and atemp, v2 adds speed.</summary>
    public const string TrackPointV1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
    public const string TrackPointV2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2";

    /// <summary>
    /// Garmin PowerExtension (<c>PowerInWatts</c>). The schema's namespace is ".../PowerExtension/v1", but writers
    /// such as Urban Biker declare ".../PowerExtensionv1.xsd", so the prefix of both is what we match.
    /// </summary>
    public const string PowerPrefix = "http://www.garmin.com/xmlschemas/PowerExtension";

    /// <summary>Cluetrust GPXDATA, written by Suunto Movescount and others (hr, cadence, temp, distance).</summary>
    public const string ClueTrust = "http://www.cluetrust.com/XML/GPXDATA/1/0";
}
