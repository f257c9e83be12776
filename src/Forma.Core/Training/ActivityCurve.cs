using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// One activity's mean-maximal curve for one stream (power, heartRate, speed), encoded compactly, with the day
/// so curves over a date window are read from storage instead of recomputed from samples.
/// </summary>
public sealed class ActivityCurve : ITenantOwned
{
    public const int StreamMaxLength = 20;

    public Guid TenantId { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Stream { get; private set; } = "";
    public Guid AthleteId { get; private set; }
    public DateOnly Day { get; private set; }
    public int Seconds { get; private set; }
    public byte[] Data { get; private set; } = [];

    private ActivityCurve()
    {
    }

    public static ActivityCurve Create(Guid tenantId, Guid activityId, Guid athleteId, string stream, DateOnly day, int seconds, byte[] data) =>
        new() { TenantId = tenantId, ActivityId = activityId, AthleteId = athleteId, Stream = stream, Day = day, Seconds = seconds, Data = data };
}
