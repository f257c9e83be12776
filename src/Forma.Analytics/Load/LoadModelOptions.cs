namespace Forma.Analytics.Load;

/// <summary>Time constants of the load model in days (docs/analytics/models.md §2); Coggan's defaults.</summary>
public sealed record LoadModelOptions
{
    public int ChronicDays { get; init; } = 42;
    public int AcuteDays { get; init; } = 7;

    public static LoadModelOptions Default { get; } = new();
}
