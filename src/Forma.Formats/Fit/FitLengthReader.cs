namespace Forma.Formats.Fit;

/// <summary>length (101): one pool length. Scales from the profile: times /1000 s, avg_speed /1000 m/s.</summary>
internal static class FitLengthReader
{
    public const ushort Length = 101;

    private static readonly Dictionary<int, string> Strokes = FitWorkoutNames.Numbered(
        "freestyle", "backstroke", "breaststroke", "butterfly", "drill", "mixed", "im", "im_by_round", "rimo");

    private static readonly Dictionary<int, string> LengthTypes = FitWorkoutNames.Numbered("idle", "active");

    public static SwimLength Read(in FitMessage m) => new(
        FitTime.ToUtc(m.GetRaw(2)),
        FitValues.Double(m.Get(3, 1000)),
        FitValues.Double(m.Get(4, 1000)),
        FitValues.Int(m.GetRaw(5)),
        FitValues.Double(m.Get(6, 1000)),
        FitEnumNames.Name(Strokes, m.GetRaw(7)),
        FitEnumNames.Name(LengthTypes, m.GetRaw(12)));
}
