namespace Forma.Formats.Detection;

/// <summary>What an upload looks like from its first bytes; the name and extension are not trusted.</summary>
public enum DetectedFormat
{
    Unknown,
    Gzip,
    Zip,
    Fit,
    Gpx,
    Tcx,
    AppleHealth,
}
