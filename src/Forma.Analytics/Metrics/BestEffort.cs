namespace Forma.Analytics.Metrics;

/// <summary>
/// The fastest stretch covering <see cref="Metres"/>: it starts (interpolated) between rows
/// <see cref="StartRow"/> and StartRow + 1 and ends at row <see cref="EndRow"/>.
/// </summary>
public sealed record BestEffort(double Metres, double Seconds, int StartRow, int EndRow);
