namespace Forma.Formats.Fit;

/// <summary>hrv (78): field 0 is an array of beat-to-beat intervals, uint16 in milliseconds (scale 1000 to seconds).</summary>
internal static class FitHrvReader
{
    public const ushort Hrv = 78;

    /// <summary>Appends the message's valid intervals; 0xFFFF (invalid) marks an unused slot and is skipped.</summary>
    public static void Read(in FitMessage m, List<double> into, FitListBudget budget)
    {
        var count = m.ElementCount(0);
        budget.Take(count);
        for (var i = 0; i < count; i++)
        {
            var raw = m.GetRaw(0, i);
            if (!double.IsNaN(raw))
            {
                into.Add(raw / 1000);
            }
        }
    }
}
