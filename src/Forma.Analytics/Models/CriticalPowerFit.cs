namespace Forma.Analytics.Models;

/// <summary>
/// A fitted critical-power model (docs/analytics/models.md §3). <paramref name="Model"/> is
/// <see cref="CriticalPowerModels.TwoParameterModel"/> or <see cref="CriticalPowerModels.ThreeParameterModel"/>;
/// watts and joules; <paramref name="MaxPower"/> only for the 3-parameter model. <paramref name="RSquared"/>
/// is of the predicted powers. <paramref name="CriticalPowerLow"/>–<paramref name="CriticalPowerHigh"/> is
/// the 95 % confidence interval of CP from the regression (equal to CP when no residual degree of freedom is left).
/// </summary>
public sealed record CriticalPowerFit(
    string Model,
    double CriticalPower,
    double WPrime,
    double? MaxPower,
    double RSquared,
    double CriticalPowerLow,
    double CriticalPowerHigh,
    int Points)
{
    /// <summary>Morton's time offset W′ / (Pmax − CP) in seconds; 0 for the 2-parameter model.</summary>
    public double TimeOffsetSeconds => MaxPower is { } pmax ? WPrime / (pmax - CriticalPower) : 0;

    /// <summary>Power the model predicts for an all-out effort of <paramref name="seconds"/>: CP + W′ / (t + offset).</summary>
    public double PowerAt(double seconds) => CriticalPower + (WPrime / (seconds + TimeOffsetSeconds));
}
