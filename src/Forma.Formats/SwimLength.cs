namespace Forma.Formats;

/// <summary>
/// One pool length (FIT length): <see cref="LengthType"/> is <c>active</c> for a swum length and <c>idle</c> for
/// a rest at the wall. Units: seconds, m/s; <see cref="SwimStroke"/> the profile's name (<c>freestyle</c>,
/// <c>backstroke</c>, <c>breaststroke</c>, <c>butterfly</c>, <c>drill</c>, <c>mixed</c>, <c>im</c>, …).
/// </summary>
public sealed record SwimLength(
    DateTime? StartTime,
    double? ElapsedTime,
    double? TimerTime,
    int? TotalStrokes,
    double? AverageSpeed,
    string? SwimStroke,
    string? LengthType);
