using System.Buffers.Binary;
using Forma.Formats.Fit;
using Forma.Formats.Tests.Xml;

namespace Forma.Formats.Tests.Fit;

/// <summary>What the encoder writes, read back message by message where the decoder's view would hide it.</summary>
public class FitEncoderTests
{
    private static readonly DateTime Start = new(2024, 5, 1, 6, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1)] // the header (protocol version): its CRC no longer matches
    [InlineData(100)] // a record
    [InlineData(-3)] // the last data byte
    public void OneCorruptByte_FailsWithCrcMismatch(int at)
    {
        var bytes = FitEncoder.Encode(FitTestData.Decode("fit/garmin-fenix-5-run.fit"));
        bytes[at < 0 ? bytes.Length + at : at] ^= 0x01;

        var error = Assert.Throws<ActivityFormatException>(() => FitDecoder.Decode(bytes));

        Assert.Equal("fit-crc-mismatch", error.Code);
    }

    [Fact]
    public void Header_Is14BytesWithDataSizeAndSignature()
    {
        var bytes = FitEncoder.Encode(Activity(("heartRate", [120, 121])));

        Assert.Equal(14, bytes[0]);
        Assert.Equal(0x20, bytes[1]); // protocol 2.0, needed for developer fields
        Assert.Equal((uint)(bytes.Length - 14 - 2), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(".FIT"u8.ToArray(), bytes[8..12]);
        Assert.Equal(FitCrc.Compute(bytes.AsSpan(0, 12)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(0, FitCrc.Compute(bytes)); // a CRC-16 over data followed by its own CRC is zero
    }

    [Fact]
    public void KnownDevice_IsWrittenByProfileNumber()
    {
        var activity = Activity(("heartRate", [120])) with
        {
            Metadata = new ActivityMetadata { Format = ActivityFormat.Fit, StartTime = Start, Device = new DeviceInfo("garmin", "edge500", 3820987521, "2.80") },
        };

        var fileId = RawFields(FitEncoder.Encode(activity), FitMetadataCollector.FileId, 0, 1, 2, 3, 4);

        Assert.Equal([4, 1, 1036, 3820987521, (Start - new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds], fileId); // activity, garmin, edge500
    }

    [Fact]
    public void UnknownManufacturer_IsDevelopment_AndAProductWithoutNumberGoesByName()
    {
        var activity = Activity(("heartRate", [120])) with
        {
            Metadata = new ActivityMetadata { Format = ActivityFormat.Gpx, StartTime = Start, Device = new DeviceInfo("Acme Bikes", "Roadster Computer", 42, "1.5") },
        };

        var device = FitDecoder.Decode(FitEncoder.Encode(activity)).Metadata.Device;

        Assert.Equal(new DeviceInfo("development", "Roadster Computer", 42, "1.50"), device);
    }

    [Fact]
    public void MissingSamples_AreWrittenAsTheTypesInvalidValue()
    {
        var bytes = FitEncoder.Encode(Activity(("heartRate", [120, double.NaN, 130]), ("temperature", [double.NaN, -5, 20])));

        var records = Records(bytes, 3, 13);

        // The reader gives NaN for exactly one byte pattern per type: 0xFF for heart_rate (uint8), 0x7F for temperature (sint8).
        Assert.Equal([[120, double.NaN], [double.NaN, -5], [130, 20]], records);
    }

    [Fact]
    public void ValueTheProfileTypeCannotHold_WidensTheField()
    {
        // record.power is a uint16 and record.temperature a sint8; a reader takes whatever type the definition declares.
        var activity = Activity(("power", [70_000, 250]), ("temperature", [-200, 20]));

        var decoded = FitDecoder.Decode(FitEncoder.Encode(activity));

        Assert.Equal([70_000, 250], decoded.Streams[StreamNames.Power]!);
        Assert.Equal([-200, 20], decoded.Streams[StreamNames.Temperature]!);
    }

    [Fact]
    public void GenericStreams_BecomeDeveloperFields_Float32WhenExact()
    {
        var activity = Activity(("Form Power", [1.5, double.NaN, 2.25]), ("core_reserved_precise", [0.1, 0.2, 0.3]));
        var units = new Dictionary<string, string> { ["Form Power"] = "Watts" };

        var bytes = FitEncoder.Encode(activity, units);
        var decoded = FitDecoder.DecodeWithUnits(bytes);

        Assert.Equal([1.5, double.NaN, 2.25], decoded.Activity.Streams["Form Power"]!);
        Assert.Equal([0.1, 0.2, 0.3], decoded.Activity.Streams["core_reserved_precise"]!);
        Assert.Equal("Watts", decoded.Units["Form Power"]);
        Assert.False(decoded.Units.ContainsKey("core_reserved_precise"));
        Assert.Equal([0x88, 0x89], Descriptions(bytes)); // float32, float64, in ordinal name order
    }

    [Fact]
    public void StartBefore1998_WritesDeviceRelativeTimes()
    {
        // Mojstrovka.gpx is dated 1901; FIT dates start at 1989-12-31 and absolute times at 0x10000000 s.
        var gpx = Read.GpxFixture("gpx/Mojstrovka.gpx");

        var fit = FitDecoder.Decode(FitEncoder.Encode(gpx));

        Assert.Null(fit.Metadata.StartTime);
        Assert.Equal(gpx.Streams[StreamNames.Time]!.Select(t => Math.Round(t)), fit.Streams[StreamNames.Time]!);
    }

    [Fact]
    public void LocalOffset_IsWrittenAsActivityLocalTimestamp()
    {
        var activity = Activity(("heartRate", [120, 121])) with
        {
            Metadata = new ActivityMetadata { Format = ActivityFormat.Fit, StartTime = Start, LocalOffset = TimeSpan.FromHours(5.5) },
        };

        var bytes = FitEncoder.Encode(activity);

        var fields = RawFields(bytes, FitMetadataCollector.Activity, 253, 5);
        Assert.Equal(5.5 * 3600, fields[1] - fields[0]);
        Assert.Equal(TimeSpan.FromHours(5.5), FitDecoder.Decode(bytes).Metadata.LocalOffset);
    }

    [Fact]
    public void NoStreams_IsStillAValidFile()
    {
        var activity = new ActivityFile(new ActivityMetadata { Format = ActivityFormat.Fit }, [], [], SampleStreams.Empty);

        var decoded = FitDecoder.Decode(FitEncoder.Encode(activity));

        Assert.Equal(0, decoded.Streams.Count);
        Assert.Equal("generic", decoded.Metadata.Sport);
    }

    [Fact]
    public void EncodeToStream_WritesTheSameBytes()
    {
        var activity = FitTestData.Decode("fit/garmin-edge-820-bike.fit");
        using var stream = new MemoryStream();

        FitEncoder.Encode(activity, stream);

        Assert.Equal(FitEncoder.Encode(activity), stream.ToArray());
    }

    [Fact]
    public void EveryRecordFieldTheDecoderKnows_HasAProfileBaseType()
    {
        for (var n = 0; n < 256; n++)
        {
            if (FitRecordFields.Find((byte)n) is not null && n != FitRecordFields.CompressedSpeedDistance)
            {
                Assert.True(FitRecordTypes.Of((byte)n) is not null, $"record field {n} has no base type");
            }
        }

        // Spot checks against Profile.xlsx: position_lat sint32, altitude uint16, temperature sint8, enhanced_speed uint32.
        Assert.Equal([0x85, 0x84, 0x01, 0x86], new byte?[] { FitRecordTypes.Of(0), FitRecordTypes.Of(2), FitRecordTypes.Of(13), FitRecordTypes.Of(73) });
    }

    [Fact]
    public void EveryNameTheDecoderGives_MapsBackToItsNumber()
    {
        for (var raw = 0; raw < ushort.MaxValue; raw++)
        {
            if (FitManufacturerNames.Manufacturer(raw) is { } m && !char.IsAsciiDigit(m[0]))
            {
                Assert.Equal(raw, FitProfileNumbers.Manufacturer(m));
            }

            if (FitManufacturerNames.Product(1, raw) is { } p && !char.IsAsciiDigit(p[0]))
            {
                Assert.Equal((ushort)raw, FitProfileNumbers.Product(1, p));
            }
        }

        for (var raw = 0; raw < 256; raw++)
        {
            Assert.Equal(raw == 255 ? null : raw, FitProfileNumbers.Sport(FitSportNames.Sport(raw)));
            Assert.Equal(raw == 255 ? null : raw, FitProfileNumbers.SubSport(FitSportNames.SubSport(raw)));
        }
    }

    private static ActivityFile Activity(params (string Name, double[] Values)[] streams)
    {
        var count = streams[0].Values.Length;
        var all = streams.ToDictionary(s => s.Name, s => s.Values);
        all[StreamNames.Time] = [.. Enumerable.Range(0, count).Select(i => (double)i)];
        return new ActivityFile(new ActivityMetadata { Format = ActivityFormat.Fit, StartTime = Start }, [], [], new SampleStreams(count, all));
    }

    /// <summary>The raw values of some fields of the first message of a global type.</summary>
    private static double[] RawFields(byte[] bytes, ushort global, params byte[] fields)
    {
        var reader = new FitReader(bytes);
        while (reader.Read(out var m))
        {
            if (m.GlobalNumber == global)
            {
                var values = new double[fields.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    values[i] = m.GetRaw(fields[i]);
                }

                return values;
            }
        }

        throw new Xunit.Sdk.XunitException($"no message {global}");
    }

    private static double[][] Records(byte[] bytes, params byte[] fields)
    {
        var rows = new List<double[]>();
        var reader = new FitReader(bytes);
        while (reader.Read(out var m))
        {
            if (m.GlobalNumber == FitRecordEncoder.Record)
            {
                var row = new double[fields.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    row[i] = m.GetRaw(fields[i]);
                }

                rows.Add(row);
            }
        }

        return [.. rows];
    }

    /// <summary>The base types that field_description messages declare, in order.</summary>
    private static byte[] Descriptions(byte[] bytes)
    {
        var types = new List<byte>();
        var reader = new FitReader(bytes);
        while (reader.Read(out var m))
        {
            if (m.GlobalNumber == FitDeveloperFields.FieldDescription)
            {
                types.Add((byte)m.GetRaw(2));
            }
        }

        return [.. types];
    }
}
