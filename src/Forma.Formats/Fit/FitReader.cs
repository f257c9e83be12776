using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Forma.Formats.Fit;

/// <summary>
/// Walks the messages of one or more chained FIT files (FIT protocol document: file header, record headers,
/// definition and data messages, file CRC) and yields the data messages. Definitions are kept per local type and
/// replaced when redefined; compressed-timestamp headers are resolved against the last full timestamp.
/// Every bound is checked against the bytes that remain before it is used, so a lying size ends in an
/// <see cref="ActivityFormatException"/>, never in an index exception or a large allocation.
/// </summary>
public ref struct FitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly FitDecodeOptions _options;
    private readonly bool _checkCrc;
    private const int RecentDefinitions = 32;
    private readonly FitDefinition?[] _locals = new FitDefinition?[16];
    private readonly List<FitDefinition> _recent = [];
    private int _pos;
    private int _dataEnd = -1; // end of the current file's data; -1 between files
    private int _crcEnd;
    private long _lastTimestamp = -1;
    private int _messages;

    public FitReader(ReadOnlySpan<byte> data, FitDecodeOptions? options = null)
        : this(data, options, checkCrc: true)
    {
    }

    internal FitReader(ReadOnlySpan<byte> data, FitDecodeOptions? options, bool checkCrc)
    {
        _data = data;
        _options = options ?? FitDecodeOptions.Default;
        _checkCrc = checkCrc;
        if (data.Length == 0)
        {
            throw new ActivityFormatException("fit-header-invalid", "The input is empty.", 0);
        }
    }

    /// <summary>Problems read past in salvage mode.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Chained FIT files started so far.</summary>
    public int FileCount { get; private set; }

    /// <summary>Moves to the next data message; false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read(out FitMessage message)
    {
        while (true)
        {
            if (_dataEnd < 0)
            {
                if (_pos >= _data.Length || !StartFile())
                {
                    message = default;
                    return false;
                }

                continue;
            }

            if (_pos >= _dataEnd)
            {
                _pos = _crcEnd;
                _dataEnd = -1;
                continue;
            }

            if (++_messages > _options.MaxMessages)
            {
                throw new ActivityFormatException("fit-too-large", $"More than {_options.MaxMessages} messages.", _pos);
            }

            var header = _data[_pos];
            if ((header & 0xC0) == 0x40)
            {
                ReadDefinition(header);
            }
            else if (TryReadData(header, out message))
            {
                return true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadData(byte header, out FitMessage message)
    {
        var start = _pos;
        var compressed = (header & 0x80) != 0;
        var local = compressed ? (header >> 5) & 0x03 : header & 0x0F;
        var definition = _locals[local];
        message = default;
        if (definition is null)
        {
            Fail("fit-undefined-local-type", $"A data message uses local type {local}, which no definition declared.", start);
            return false;
        }

        if (_dataEnd - start - 1 < definition.Size)
        {
            Fail("fit-truncated", "A data message runs past the end of the data.", start);
            return false;
        }

        var payload = _data.Slice(start + 1, definition.Size);
        _pos = start + 1 + definition.Size;
        long timestamp = -1;
        if (definition.TimestampOffset >= 0)
        {
            var raw = definition.BigEndian
                ? BinaryPrimitives.ReadUInt32BigEndian(payload[definition.TimestampOffset..])
                : BinaryPrimitives.ReadUInt32LittleEndian(payload[definition.TimestampOffset..]);
            if (raw != uint.MaxValue)
            {
                timestamp = _lastTimestamp = raw;
            }
        }
        else if (compressed)
        {
            timestamp = _lastTimestamp = ResolveCompressed(header & 0x1F);
        }

        message = new FitMessage(definition, payload, timestamp, FileCount - 1);
        return true;
    }

    /// <summary>A 5-bit offset replaces the low bits of the last full timestamp and rolls over every 32 s.</summary>
    private readonly long ResolveCompressed(int offset)
    {
        var last = Math.Max(_lastTimestamp, 0);
        var resolved = (last & ~0x1FL) + offset;
        return offset >= (last & 0x1F) ? resolved : resolved + 0x20;
    }

    private void ReadDefinition(byte header)
    {
        var start = _pos;
        if (_dataEnd - start < 6)
        {
            Fail("fit-truncated", "A definition message runs past the end of the data.", start);
            return;
        }

        var architecture = _data[start + 2];
        if (architecture > 1)
        {
            Fail("fit-definition-invalid", $"Unknown architecture {architecture} in a definition.", start);
            return;
        }

        var bigEndian = architecture == 1;
        var global = bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(_data[(start + 3)..])
            : BinaryPrimitives.ReadUInt16LittleEndian(_data[(start + 3)..]);
        int fieldCount = _data[start + 5];
        var pos = start + 6;
        var developerCount = 0;
        if ((header & 0x20) != 0)
        {
            var devCountAt = pos + (fieldCount * 3);
            if (devCountAt >= _dataEnd)
            {
                Fail("fit-truncated", "A definition message runs past the end of the data.", start);
                return;
            }

            developerCount = _data[devCountAt];
        }

        var end = pos + (fieldCount * 3) + ((header & 0x20) != 0 ? 1 + (developerCount * 3) : 0);
        if (end > _dataEnd)
        {
            Fail("fit-truncated", "A definition message runs past the end of the data.", start);
            return;
        }

        _locals[header & 0x0F] = Recent(_data[(start + 1)..end]) ?? NewDefinition(start, global, bigEndian, fieldCount, developerCount, end);
        _pos = end;
    }

    /// <summary>
    /// A definition seen before with the same bytes. Some devices (a Wahoo ELEMNT) use one local type for
    /// everything and define it again at each switch between message types; reusing the definition keeps its
    /// record plan and saves building both again a thousand times per file.
    /// </summary>
    private readonly FitDefinition? Recent(ReadOnlySpan<byte> layout)
    {
        foreach (var definition in _recent)
        {
            if (layout.SequenceEqual(definition.Layout))
            {
                return definition;
            }
        }

        return null;
    }

    private FitDefinition NewDefinition(int start, ushort global, bool bigEndian, int fieldCount, int developerCount, int end)
    {
        var definition = new FitDefinition(global, bigEndian, fieldCount, developerCount, _data[(start + 1)..end].ToArray());
        var pos = start + 6;
        for (var i = 0; i < fieldCount; i++, pos += 3)
        {
            definition.SetField(i, _data[pos], _data[pos + 1], _data[pos + 2]);
        }

        pos++; // past the developer field count read above; unused when the flag is clear
        for (var i = 0; i < developerCount; i++, pos += 3)
        {
            definition.SetDeveloperField(i, _data[pos], _data[pos + 1], _data[pos + 2]);
        }

        if (_recent.Count == RecentDefinitions)
        {
            _recent.RemoveAt(0);
        }

        _recent.Add(definition);
        return definition;
    }

    /// <summary>Reads a file header; false when salvage mode gives up on what follows.</summary>
    private bool StartFile()
    {
        var start = _pos;
        var header = FitHeader.Parse(_data[start..], start, FileCount == 0 || !_options.IgnoreCrc, out var problem);
        if (header is null)
        {
            Warnings.Add($"Stopped at byte {start}: {problem}");
            return false;
        }

        FileCount++;
        Array.Clear(_locals);
        _recent.Clear(); // a chained file has its own developer fields, which record plans depend on
        _lastTimestamp = -1;
        _pos = start + header.Value.Size;
        if (header.Value.HeaderCrc is { } headerCrc && headerCrc != 0 && headerCrc != FitCrc.Compute(_data.Slice(start, 12)))
        {
            Fail("fit-crc-mismatch", "The file header's CRC does not match.", start, skipData: false);
        }

        // In salvage mode a file cut short is read up to where its bytes end.
        var available = _data.Length - _pos;
        var dataSize = (long)header.Value.DataSize;
        _dataEnd = _pos + (int)Math.Min(dataSize, available);
        _crcEnd = Math.Min(_dataEnd + 2, _data.Length);
        if (dataSize + 2 > available)
        {
            Fail("fit-truncated", $"The header declares {dataSize} bytes of data and a CRC, but only {available} bytes follow.", start, skipData: false);
        }
        else if (_checkCrc && BinaryPrimitives.ReadUInt16LittleEndian(_data[_dataEnd..]) != FitCrc.Compute(_data[start.._dataEnd]))
        {
            Fail("fit-crc-mismatch", "The file's CRC does not match its contents.", _dataEnd, skipData: false);
        }

        return true;
    }

    /// <summary>Throws, or in salvage mode records a warning and (unless told not to) skips the rest of the current file's data.</summary>
    private void Fail(string code, string message, long offset, bool skipData = true)
    {
        if (!_options.IgnoreCrc)
        {
            throw new ActivityFormatException(code, message, offset);
        }

        Warnings.Add($"{code} at byte {offset}: {message}");
        if (skipData)
        {
            _pos = Math.Max(_dataEnd, _pos);
        }
    }
}
