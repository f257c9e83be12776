namespace Forma.Analytics;

/// <summary>
/// How analytics groups the lower-case FIT sport names (<c>running</c>, <c>cycling</c>, …): which threshold,
/// zone table and moving-speed floor apply. Anything unlisted is <see cref="SportKind.Other"/>.
/// </summary>
internal enum SportKind
{
    Run,
    Ride,
    Swim,
    Walk,
    Other,
}

internal static class SportKinds
{
    public static SportKind Of(string? sport) => sport?.ToLowerInvariant() switch
    {
        "running" or "trail_running" or "treadmill_running" => SportKind.Run,
        "cycling" or "e_biking" or "mountain_biking" or "road_biking" or "virtual_ride" => SportKind.Ride,
        "swimming" or "open_water" or "lap_swimming" => SportKind.Swim,
        "walking" or "hiking" => SportKind.Walk,
        _ => SportKind.Other,
    };
}
