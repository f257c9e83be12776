namespace Forma.Analytics.Models;

/// <summary>Validation and anchor choice shared by the race predictors (docs/analytics/models.md §4–5).</summary>
internal static class RaceBests
{
    public static List<(double Metres, double Seconds)> Usable(
        IReadOnlyList<(double Metres, double Seconds)> bests, double minMetres = 0, double maxMetres = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(bests);
        return [.. bests.Where(b => double.IsFinite(b.Metres) && double.IsFinite(b.Seconds) && b.Seconds > 0
            && b.Metres > minMetres && b.Metres <= maxMetres)];
    }

    /// <summary>The best nearest the target on a log scale (a 10 km is as far from 5 km as 20 km is from 10 km); the first on a tie.</summary>
    public static (double Metres, double Seconds) Anchor(List<(double Metres, double Seconds)> bests, double targetMetres) =>
        bests.MinBy(b => Math.Abs(Math.Log(targetMetres / b.Metres)));

    public static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }

    public static string Number(double value, string format) =>
        value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
