namespace Forma.Formats.Tcx;

/// <summary>TCX's Sport_t is Running, Biking or Other; we use the FIT names the rest of the model speaks.</summary>
internal static class TcxSports
{
    public static string FromAttribute(string? sport) => sport?.Trim() switch
    {
        "Running" => "running",
        "Biking" => "cycling",

        // Not in the schema, but written by some converters for a MultiSportSession's parent activity.
        "MultiSport" => "multisport",
        _ => "generic",
    };
}
