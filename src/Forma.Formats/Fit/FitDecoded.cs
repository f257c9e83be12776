namespace Forma.Formats.Fit;

/// <summary>A decoded FIT activity with the units of its streams (profile units, and developer fields' own units).</summary>
public sealed record FitDecoded(ActivityFile Activity, IReadOnlyDictionary<string, string> Units);
