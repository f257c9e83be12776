namespace Forma.Formats.Fit;

/// <summary>
/// Writes laps (19) and sessions (18) under the decoder's <see cref="FitSegmentLayout"/> field numbers, with the
/// profile's types and scales: times uint32 /1000 s, distance uint32 /100 m, speeds both as the enhanced uint32
/// and the plain uint16 field /1000 m/s, heart rate and cadence uint8, power, ascent, descent and calories uint16.
/// Every message lists every field (invalid where the segment has no value), so all laps share one definition.
/// </summary>
internal static class FitSegmentEncoder
{
    private const byte Event = 0;
    private const byte EventType = 1;
    private const byte Timestamp = 253;
    private const byte SessionEvent = 8;
    private const byte LapEvent = 9;
    private const byte Stop = 1;

    public static void WriteLaps(FitBuffer buffer, int local, IEnumerable<ActivitySegment> laps)
    {
        foreach (var lap in laps)
        {
            Build(FitSegmentLayout.LapFields, lap, LapEvent).WriteTo(buffer, local, FitSegmentLayout.Lap);
        }
    }

    public static void WriteSessions(FitBuffer buffer, int local, IEnumerable<ActivitySegment> sessions)
    {
        foreach (var session in sessions)
        {
            Build(FitSegmentLayout.SessionFields, session, SessionEvent).WriteTo(buffer, local, FitSegmentLayout.Session);
        }
    }

    private static FitMessageBuilder Build(FitSegmentLayout f, ActivitySegment s, byte @event)
    {
        var start = s.StartTime is { } t ? FitTime.ToRaw(t) : (double?)null;
        return new FitMessageBuilder()
            .Add(Timestamp, FitValueWriter.UInt32, start + (s.ElapsedTime ?? s.TimerTime ?? 0)) // the segment's end, as devices write it
            .Add(Event, FitBaseType.Enum, @event)
            .Add(EventType, FitBaseType.Enum, Stop)
            .Add(f.StartTime, FitValueWriter.UInt32, start)
            .Add(f.Elapsed, FitValueWriter.UInt32, s.ElapsedTime, 1000)
            .Add(f.Timer, FitValueWriter.UInt32, s.TimerTime, 1000)
            .Add(f.Distance, FitValueWriter.UInt32, s.Distance, 100)
            .Add(f.Sport, FitBaseType.Enum, FitProfileNumbers.Sport(s.Sport))
            .Add(f.SubSport, FitBaseType.Enum, FitProfileNumbers.SubSport(s.SubSport))
            .Add(f.EnhancedAverageSpeed, FitValueWriter.UInt32, s.AverageSpeed, 1000)
            .Add(f.EnhancedMaxSpeed, FitValueWriter.UInt32, s.MaxSpeed, 1000)
            .Add(f.AverageSpeed, FitValueWriter.UInt16, s.AverageSpeed, 1000)
            .Add(f.MaxSpeed, FitValueWriter.UInt16, s.MaxSpeed, 1000)
            .Add(f.AverageHeartRate, FitBaseType.UInt8, s.AverageHeartRate)
            .Add(f.MaxHeartRate, FitBaseType.UInt8, s.MaxHeartRate)
            .Add(f.AverageCadence, FitBaseType.UInt8, s.AverageCadence)
            .Add(f.AveragePower, FitValueWriter.UInt16, s.AveragePower)
            .Add(f.MaxPower, FitValueWriter.UInt16, s.MaxPower)
            .Add(f.Ascent, FitValueWriter.UInt16, s.TotalAscent)
            .Add(f.Descent, FitValueWriter.UInt16, s.TotalDescent)
            .Add(f.Calories, FitValueWriter.UInt16, s.Calories);
    }
}
