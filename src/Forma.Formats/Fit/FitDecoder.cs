namespace Forma.Formats.Fit;

/// <summary>
/// Decodes FIT activity files (Garmin's Flexible and Interoperable Data Transfer protocol) into the columnar
/// <see cref="ActivityFile"/>: one row per record message, sessions and laps from their summary messages.
/// Bad input ends in <see cref="ActivityFormatException"/> with a <c>fit-*</c> code.
/// </summary>
public static class FitDecoder
{
    private const ushort Record = 20;

    public static ActivityFile Decode(ReadOnlySpan<byte> data, FitDecodeOptions? options = null) =>
        DecodeWithUnits(data, options).Activity;

    public static ActivityFile Decode(Stream stream, FitDecodeOptions? options = null) =>
        DecodeWithUnits(FitStreamInput.ReadAll(stream, options ?? FitDecodeOptions.Default), options).Activity;

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, FitDecodeOptions?)"/>, with each stream's units.</summary>
    public static FitDecoded DecodeWithUnits(ReadOnlySpan<byte> data, FitDecodeOptions? options = null)
    {
        options ??= FitDecodeOptions.Default;
        var columns = new FitColumns(FitRecordCounter.Count(data, Record), data.Length);
        var developer = new FitDeveloperFields();
        var metadata = new FitMetadataCollector();
        var messages = new FitActivityMessages(data.Length);
        var sessions = new List<ActivitySegment>();
        var laps = new List<ActivitySegment>();
        var accumulators = new FitAccumulators();
        var file = -1;
        var reader = new FitReader(data, options);
        while (reader.Read(out var m))
        {
            if (m.FileIndex != file)
            {
                file = m.FileIndex; // a chained file has its own developer fields and running totals
                developer.Clear();
                accumulators.Reset();
            }

            switch (m.GlobalNumber)
            {
                case Record:
                    AddRecord(m, columns, developer, accumulators);
                    break;
                case FitSegmentLayout.Session:
                    sessions.Add(FitSegmentLayout.SessionFields.Read(m));
                    break;
                case FitSegmentLayout.Lap:
                    laps.Add(FitSegmentLayout.LapFields.Read(m));
                    break;
                case FitDeveloperFields.FieldDescription:
                    developer.Add(m);
                    break;
                default:
                    metadata.Add(m);
                    messages.Add(m);
                    break;
            }
        }

        var start = StartTime(sessions, columns);
        var streams = columns.Build(out var units);
        var activity = messages.AddTo(new ActivityFile(metadata.Build(sessions, start), sessions, laps, streams) { Warnings = reader.Warnings });
        return new FitDecoded(activity, units);
    }

    private static void AddRecord(in FitMessage m, FitColumns columns, FitDeveloperFields developer, FitAccumulators accumulators)
    {
        columns.BeginRow();
        if (m.Timestamp >= 0)
        {
            columns.Cells(0)[columns.Row] = m.Timestamp;
        }

        var definition = m.Definition;
        definition.RecordPlan ??= FitRecordPlan.Build(definition, columns, developer);
        definition.RecordPlan.Apply(m.Payload, definition.BigEndian, columns, accumulators);
    }

    /// <summary>
    /// Turns the raw timestamps in the time column into seconds from the start: the earliest session start time,
    /// or the first record when that is earlier still (a fenix 2 multisport file records 45 minutes before its
    /// first session starts), so no sample has a negative time. Device-relative times (below 0x10000000) count
    /// from the first record and give no start time, since they name no moment.
    /// </summary>
    private static DateTime? StartTime(List<ActivitySegment> sessions, FitColumns columns)
    {
        DateTime? start = null;
        foreach (var session in sessions)
        {
            if (session.StartTime is { } s && (start is null || s < start))
            {
                start = s;
            }
        }

        if (columns.Existing(0) is not { } cells)
        {
            return start;
        }

        var times = cells.AsSpan(0, columns.Rows);
        var first = double.NaN;
        foreach (var t in times)
        {
            if (!double.IsNaN(t))
            {
                first = t;
                break;
            }
        }

        if (FitTime.ToUtc(first) is { } firstUtc && (start is null || firstUtc < start))
        {
            start = firstUtc;
        }

        var origin = start is { } utc ? FitTime.ToRaw(utc) : first;
        for (var i = 0; i < times.Length; i++)
        {
            times[i] -= origin;
        }

        return start;
    }
}
