namespace Forma.Formats.Archives;

/// <summary>Which service wrote an export archive, told by its layout; decides where names and sports come from.</summary>
public enum ExportKind
{
    /// <summary>Any zip: its entries are whatever sniffs as FIT, GPX or TCX.</summary>
    Generic,

    /// <summary>Strava bulk export: <c>activities.csv</c> names the files under <c>activities/</c>.</summary>
    Strava,

    /// <summary>Garmin Connect data export: FIT files inside nested <c>UploadedFiles_*.zip</c> archives.</summary>
    GarminConnect,

    /// <summary>Apple Health export: workouts in <c>export.xml</c>, routes as GPX under <c>workout-routes/</c>.</summary>
    AppleHealth,
}
