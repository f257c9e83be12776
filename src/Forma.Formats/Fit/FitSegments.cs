namespace Forma.Formats.Fit;

/// <summary>
/// Session (18) and lap (19) messages carry the same summary under different field numbers; a layout names
/// them, so one reader serves both. Scales from the profile: times /1000 s, distance /100 m, speed /1000 m/s.
/// </summary>
internal sealed record FitSegmentLayout(
    byte StartTime, byte Elapsed, byte Timer, byte Distance, byte Sport, byte SubSport, byte AverageSpeed, byte MaxSpeed,
    byte EnhancedAverageSpeed, byte EnhancedMaxSpeed, byte AverageHeartRate, byte MaxHeartRate, byte AverageCadence,
    byte AveragePower, byte MaxPower, byte Ascent, byte Descent, byte Calories)
{
    public const ushort Session = 18;
    public const ushort Lap = 19;

    public static FitSegmentLayout SessionFields { get; } = new(2, 7, 8, 9, 5, 6, 14, 15, 124, 125, 16, 17, 18, 20, 21, 22, 23, 11);

    public static FitSegmentLayout LapFields { get; } = new(2, 7, 8, 9, 25, 39, 13, 14, 110, 111, 15, 16, 17, 19, 20, 21, 22, 11);

    public ActivitySegment Read(in FitMessage m) => new()
    {
        StartTime = FitTime.ToUtc(m.GetRaw(StartTime)),
        ElapsedTime = Value(m.Get(Elapsed, 1000)),
        TimerTime = Value(m.Get(Timer, 1000)),
        Distance = Value(m.Get(Distance, 100)),
        Sport = FitSportNames.Sport(m.GetRaw(Sport)),
        SubSport = FitSportNames.SubSport(m.GetRaw(SubSport)),
        AverageSpeed = Value(Preferred(m.Get(EnhancedAverageSpeed, 1000), m.Get(AverageSpeed, 1000))),
        MaxSpeed = Value(Preferred(m.Get(EnhancedMaxSpeed, 1000), m.Get(MaxSpeed, 1000))),
        AverageHeartRate = Value(m.GetRaw(AverageHeartRate)),
        MaxHeartRate = Value(m.GetRaw(MaxHeartRate)),
        AverageCadence = Value(m.GetRaw(AverageCadence)),
        AveragePower = Value(m.GetRaw(AveragePower)),
        MaxPower = Value(m.GetRaw(MaxPower)),
        TotalAscent = Value(m.GetRaw(Ascent)),
        TotalDescent = Value(m.GetRaw(Descent)),
        Calories = Value(m.GetRaw(Calories)),
    };

    private static double Preferred(double enhanced, double plain) => double.IsNaN(enhanced) ? plain : enhanced;

    private static double? Value(double v) => double.IsNaN(v) ? null : v;
}
