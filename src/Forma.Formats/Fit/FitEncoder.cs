using System.Globalization;

namespace Forma.Formats.Fit;

/// <summary>
/// Writes an <see cref="ActivityFile"/> as a FIT activity file that <see cref="FitDecoder"/> reads back to the
/// same streams, laps and sessions, each value to the resolution of its FIT field. Message order follows the
/// SDK's "summary last" activity layout: file_id, device_info, sport, developer field descriptions, timer
/// start, records, timer stop, laps, sessions, activity. Sessions and laps are the activity's own: none are
/// made up for a GPX track, whose summary analytics computes.
/// </summary>
public static class FitEncoder
{
    private const ushort FileId = 0;
    private const ushort Event = 21;
    private const byte Timestamp = 253;
    private const int OtherLocal = 1;

    /// <summary>Bytes for everything but the records: header, file_id, device_info, a handful of laps and sessions.</summary>
    private const int SummaryBytes = 4096;

    public static byte[] Encode(ActivityFile activity, IReadOnlyDictionary<string, string>? units = null)
    {
        using var buffer = Write(activity, units);
        return buffer.Finish().ToArray();
    }

    public static void Encode(ActivityFile activity, Stream output, IReadOnlyDictionary<string, string>? units = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = Write(activity, units);
        output.Write(buffer.Finish());
    }

    private static FitBuffer Write(ActivityFile activity, IReadOnlyDictionary<string, string>? units)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var metadata = activity.Metadata;

        // The decoder counts the time stream from the start time; a start FIT cannot date (before 1998) leaves
        // the times device-relative, which the decoder counts from the first record instead.
        var start = metadata.StartTime is { } s && FitTime.IsAbsolute(FitTime.ToRaw(s)) ? FitTime.ToRaw(s) : (double?)null;
        var origin = start ?? 0;
        var records = new FitRecordEncoder(activity.Streams, units, origin);
        var (first, last) = RecordTimes(activity, origin);
        var buffer = new FitBuffer(SummaryBytes + (activity.Streams.Count * (1 + records.RecordSize)) + ((activity.Laps.Count + activity.Sessions.Count) * 128));
        try
        {
            WriteFileId(buffer, metadata.Device, start);
            new FitMessageBuilder()
                .Add(0, FitBaseType.Enum, FitProfileNumbers.Sport(metadata.Sport))
                .Add(1, FitBaseType.Enum, FitProfileNumbers.SubSport(metadata.SubSport))
                .Text(3, metadata.Name)
                .WriteTo(buffer, OtherLocal, FitMetadataCollector.Sport);
            records.WriteDeveloperDescriptions(buffer, OtherLocal);
            WriteTimerEvent(buffer, first, eventType: 0); // start
            records.WriteRecords(buffer);
            WriteTimerEvent(buffer, last, eventType: 4); // stop_all
            FitSegmentEncoder.WriteLaps(buffer, OtherLocal, activity.Laps);
            FitSegmentEncoder.WriteSessions(buffer, OtherLocal, activity.Sessions);
            WriteActivity(buffer, activity, last);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>file_id, then device_info for the creator (device_index 0), which is where readers find the software version.</summary>
    private static void WriteFileId(FitBuffer buffer, DeviceInfo? device, double? start)
    {
        var manufacturer = FitProfileNumbers.Manufacturer(device?.Manufacturer);
        var product = FitProfileNumbers.Product(manufacturer, device?.Product);
        new FitMessageBuilder()
            .Add(0, FitBaseType.Enum, 4) // type: activity
            .Add(1, FitValueWriter.UInt16, manufacturer)
            .Add(2, FitValueWriter.UInt16, product)
            .Add(3, FitValueWriter.UInt32Z, device?.SerialNumber)
            .Add(4, FitValueWriter.UInt32, start)
            .Text(8, product is null ? device?.Product : null) // a product with no number goes by name
            .WriteTo(buffer, OtherLocal, FitMetadataCollector.FileId);
        var software = double.TryParse(device?.SoftwareVersion, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : (double?)null;
        new FitMessageBuilder()
            .Add(Timestamp, FitValueWriter.UInt32, start)
            .Add(0, FitBaseType.UInt8, 0)
            .Add(2, FitValueWriter.UInt16, manufacturer)
            .Add(4, FitValueWriter.UInt16, product)
            .Add(3, FitValueWriter.UInt32Z, device?.SerialNumber)
            .Add(5, FitValueWriter.UInt16, software, 100)
            .WriteTo(buffer, OtherLocal, FitMetadataCollector.DeviceInfo);
    }

    private static void WriteTimerEvent(FitBuffer buffer, double? at, byte eventType) =>
        new FitMessageBuilder()
            .Add(Timestamp, FitValueWriter.UInt32, at)
            .Add(0, FitBaseType.Enum, 0) // event: timer
            .Add(1, FitBaseType.Enum, eventType)
            .Add(4, FitBaseType.UInt8, 0) // event_group
            .WriteTo(buffer, OtherLocal, Event);

    /// <summary>The activity message; local_timestamp is its timestamp plus the zone offset, which is how the decoder finds the offset.</summary>
    private static void WriteActivity(FitBuffer buffer, ActivityFile activity, double? end)
    {
        var timer = activity.Sessions.Any(s => s.TimerTime is not null) ? activity.Sessions.Sum(s => s.TimerTime ?? 0) : (double?)null;
        var local = end is { } e && FitTime.IsAbsolute(e) && activity.Metadata.LocalOffset is { } offset ? e + Math.Round(offset.TotalSeconds) : (double?)null;
        new FitMessageBuilder()
            .Add(Timestamp, FitValueWriter.UInt32, end)
            .Add(0, FitValueWriter.UInt32, timer, 1000)
            .Add(1, FitValueWriter.UInt16, activity.Sessions.Count)
            .Add(2, FitBaseType.Enum, 0) // type: manual
            .Add(3, FitBaseType.Enum, 26) // event: activity
            .Add(4, FitBaseType.Enum, 1) // event_type: stop
            .Add(5, FitValueWriter.UInt32, local)
            .WriteTo(buffer, OtherLocal, FitMetadataCollector.Activity);
    }

    /// <summary>The first and last record times in FIT seconds, rounded as the records are; null without a time stream.</summary>
    private static (double? First, double? Last) RecordTimes(ActivityFile activity, double origin)
    {
        double? first = null;
        double? last = null;
        foreach (var t in activity.Streams[StreamNames.Time] ?? [])
        {
            if (!double.IsNaN(t))
            {
                var raw = Math.Round(origin + t);
                first = first is null ? raw : Math.Min(first.Value, raw);
                last = last is null ? raw : Math.Max(last.Value, raw);
            }
        }

        return (first, last);
    }
}
