namespace Forma.Web.Features.Analytics;

/// <summary>
/// Which durations of a curve to send to a chart: every second for the first minute, then coarser steps (5 s to
/// 5 min, 30 s to an hour, 5 min beyond) — about 250 points for a 6-hour curve, on the log-like axis curves are
/// drawn on. The full curve stays in storage.
/// </summary>
internal static class CurveSampling
{
    public static IEnumerable<int> Durations(int length)
    {
        for (var s = 1; s <= length; s += Step(s))
        {
            yield return s;
        }
    }

    private static int Step(int seconds) => seconds switch
    {
        < 60 => 1,
        < 300 => 5,
        < 3600 => 30,
        _ => 300,
    };
}
