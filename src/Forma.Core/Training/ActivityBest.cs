using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// One activity's best effort for one record category (<see cref="BestKeys"/>): watts for power durations,
/// seconds for running and swimming distances. Personal records are derived from these in time order.
/// </summary>
public sealed class ActivityBest : ITenantOwned
{
    public const int KeyMaxLength = 30;

    public Guid TenantId { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Key { get; private set; } = "";
    public Guid AthleteId { get; private set; }
    public double Value { get; private set; }
    public DateTime AchievedAt { get; private set; }

    private ActivityBest()
    {
    }

    public static ActivityBest Create(Guid tenantId, Guid activityId, Guid athleteId, string key, double value, DateTime achievedAt) =>
        new() { TenantId = tenantId, ActivityId = activityId, AthleteId = athleteId, Key = key, Value = value, AchievedAt = achievedAt };
}

/// <summary>The record categories: power over durations (higher is better), times over distances (lower is better).</summary>
public static class BestKeys
{
    public static readonly IReadOnlyList<int> PowerSeconds = [5, 60, 300, 1200, 3600];

    public static string Power(int seconds) => $"power-{seconds}s";

    public static string Running(double metres) => $"run-{Math.Round(metres):0}m";

    public static string Swimming(double metres) => $"swim-{Math.Round(metres):0}m";

    public static bool HigherIsBetter(string key) => key.StartsWith("power-", StringComparison.Ordinal);
}
