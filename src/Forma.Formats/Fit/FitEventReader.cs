namespace Forma.Formats.Fit;

/// <summary>event (21): what happened, its type and its raw data, at the message's time.</summary>
internal static class FitEventReader
{
    public const ushort Event = 21;

    public static ActivityEvent Read(in FitMessage m)
    {
        // data16 (field 2) is a 16-bit component of data (field 3) in the profile: older devices write only it.
        var data = m.GetRaw(3);
        if (double.IsNaN(data))
        {
            data = m.GetRaw(2);
        }

        return new ActivityEvent(
            m.Timestamp >= 0 ? FitTime.ToUtc(m.Timestamp) : null,
            FitEventNames.Event(m.GetRaw(0)),
            FitEventNames.EventType(m.GetRaw(1)),
            FitValues.UInt(data));
    }
}
