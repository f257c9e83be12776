namespace Forma.Analytics.Models;

/// <summary>
/// A predicted performance with its plausible range and the inputs it came from (docs/analytics/models.md §4–5).
/// Race predictions fill <paramref name="Metres"/> and the seconds; power predictions set
/// <paramref name="Metres"/> to 0, and <see cref="PowerPredictor.Power(CriticalPowerFit, double)"/> also fills the watts.
/// </summary>
public sealed record Prediction(
    string Model,
    double Metres,
    double Seconds,
    double LowSeconds,
    double HighSeconds,
    IReadOnlyDictionary<string, double> Inputs,
    string Explanation)
{
    /// <summary>Sustainable power for <see cref="Seconds"/>, from <see cref="PowerPredictor.Power(CriticalPowerFit, double)"/> only.</summary>
    public double? Watts { get; init; }
    public double? LowWatts { get; init; }
    public double? HighWatts { get; init; }
}
