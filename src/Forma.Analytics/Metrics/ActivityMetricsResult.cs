namespace Forma.Analytics.Metrics;

/// <summary>
/// Everything computed for one activity or lap. Units: seconds, metres, m/s, bpm, rpm (spm for runs), watts,
/// kJ for <see cref="Work"/>. A metric whose inputs are missing (no stream, no threshold) is null, never guessed.
/// Every definition, constant and source: docs/analytics/metrics.md.
/// </summary>
public sealed record ActivityMetricsResult
{
    public double ElapsedTime { get; init; }
    public double MovingTime { get; init; }
    public double? Distance { get; init; }
    public double? ElevationGain { get; init; }
    public double? ElevationLoss { get; init; }
    public double? AverageSpeed { get; init; }
    public double? MaxSpeed { get; init; }
    public double? AverageHeartRate { get; init; }
    public double? MaxHeartRate { get; init; }
    public double? AverageCadence { get; init; }
    public double? MaxCadence { get; init; }
    public double? AveragePower { get; init; }
    public double? MaxPower { get; init; }
    public double? NormalizedPower { get; init; }
    public double? IntensityFactor { get; init; }
    public double? Tss { get; init; }
    public double? Trimp { get; init; }
    public double? HeartRateTss { get; init; }
    public double? NormalizedGradedSpeed { get; init; }
    public double? RunningTss { get; init; }
    public double? SwimTss { get; init; }
    public double? EfficiencyFactor { get; init; }
    public double? AerobicDecoupling { get; init; }

    /// <summary>Mechanical work in kilojoules.</summary>
    public double? Work { get; init; }

    /// <summary>The training load the daily load model uses; <see cref="LoadMethod"/> says which score it is.</summary>
    public double? Load { get; init; }

    /// <summary>power-tss, running-tss, swim-tss, heart-rate-tss, trimp, or null when nothing could be scored.</summary>
    public string? LoadMethod { get; init; }
    public IReadOnlyList<ZoneTime> TimeInZones { get; init; } = [];
}
