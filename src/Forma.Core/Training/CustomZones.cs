using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// An athlete's own zones for one kind (power, heartRate, pace), replacing the model zones computed from their
/// thresholds: boundaries ascending (watts, bpm, or m/s for pace) and optionally a name per zone, kept as JSON.
/// The shape is checked by the analytics library's zone model before it is stored.
/// </summary>
public sealed class CustomZones : ITenantOwned
{
    public const int KindMaxLength = 20;

    public Guid TenantId { get; private set; }
    public Guid AthleteId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Boundaries { get; private set; } = "[]";
    public string? Names { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private CustomZones()
    {
    }

    public static CustomZones Create(Guid tenantId, Guid athleteId, string kind, string boundaries, string? names, DateTime now) =>
        new() { TenantId = tenantId, AthleteId = athleteId, Kind = kind, Boundaries = boundaries, Names = names, UpdatedAt = now };

    public void Replace(string boundaries, string? names, DateTime now)
    {
        Boundaries = boundaries;
        Names = names;
        UpdatedAt = now;
    }
}
