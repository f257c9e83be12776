using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// The stored analysis of one activity: the numbers lists and the daily load model read (load, day, the
/// headline metrics) as columns, everything else (laps, time in zones, the thresholds used) as JSON. Written
/// by the analysis job; replaced whole when the activity or the athlete's thresholds change.
/// </summary>
public sealed class ActivityAnalysis : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid AthleteId { get; private set; }

    /// <summary>The calendar day the activity counts on, in the business's time zone.</summary>
    public DateOnly Day { get; private set; }
    public string Sport { get; private set; } = "";
    public double? Load { get; private set; }
    public string? LoadMethod { get; private set; }
    public double MovingTime { get; private set; }
    public double? Distance { get; private set; }
    public double? NormalizedPower { get; private set; }
    public double? AverageHeartRate { get; private set; }

    /// <summary>The full analysis as JSON (metrics, laps, time in zones, thresholds used).</summary>
    public string Details { get; private set; } = "{}";
    public DateTime AnalyzedAt { get; private set; }

    private ActivityAnalysis()
    {
    }

    public static ActivityAnalysis Create(Guid tenantId, Guid activityId, Guid athleteId, DateOnly day, string sport, AnalysisNumbers numbers, string details, DateTime now)
    {
        var analysis = new ActivityAnalysis { TenantId = tenantId, ActivityId = activityId, AthleteId = athleteId };
        analysis.Replace(day, sport, numbers, details, now);
        return analysis;
    }

    public void Replace(DateOnly day, string sport, AnalysisNumbers numbers, string details, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        Day = day;
        Sport = sport;
        Load = numbers.Load;
        LoadMethod = numbers.LoadMethod;
        MovingTime = numbers.MovingTime;
        Distance = numbers.Distance;
        NormalizedPower = numbers.NormalizedPower;
        AverageHeartRate = numbers.AverageHeartRate;
        Details = details;
        AnalyzedAt = now;
    }
}

/// <summary>The headline numbers an analysis stores as columns.</summary>
public sealed record AnalysisNumbers(double? Load, string? LoadMethod, double MovingTime, double? Distance, double? NormalizedPower, double? AverageHeartRate);
