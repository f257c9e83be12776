using Forma.Formats.Fit;
using static Forma.Formats.Tests.Fit.FitFileWriter;

namespace Forma.Formats.Tests.Fit;

/// <summary>One protocol feature at a time, on files written by hand.</summary>
public class FitDecoderProtocolTests
{
    private const long Time = 1_000_000_000; // 2021-09-09, an absolute FIT time
    private static readonly DateTime TimeUtc = new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Time);

    [Fact]
    public void BigEndianDefinition_ReadsMultiByteFieldsBigEndian()
    {
        var file = new FitFileWriter()
            .Define(0, 20, bigEndian: true, (253, 4, Uint32), (7, 2, Uint16), (0, 4, Sint32))
            .Data(0, [.. U32(Time, true), .. U16(300, true), .. U32(1 << 30, true)])
            .Build();

        var activity = FitDecoder.Decode(file);

        Assert.Equal(TimeUtc, activity.Metadata.StartTime);
        Assert.Equal([300], activity.Streams[StreamNames.Power]!);
        Assert.Equal([90], activity.Streams[StreamNames.Latitude]!); // 2^30 semicircles
    }

    [Fact]
    public void LocalType_RedefinedMidFile_UsesTheNewLayout()
    {
        var file = new FitFileWriter()
            .Define(0, 20, false, (253, 4, Uint32), (3, 1, Uint8))
            .Data(0, [.. U32(Time), 150])
            .Define(0, 20, false, (253, 4, Uint32), (7, 2, Uint16))
            .Data(0, [.. U32(Time + 1), .. U16(250)])
            .Build();

        var streams = FitDecoder.Decode(file).Streams;

        Assert.Equal([0, 1], streams[StreamNames.Time]!);
        Assert.Equal([150, double.NaN], streams[StreamNames.HeartRate]!);
        Assert.Equal([double.NaN, 250], streams[StreamNames.Power]!);
    }

    [Fact]
    public void CompressedTimestamp_TakesLowBitsFromHeader_AndRollsOver()
    {
        // Time ends in binary ...00000 + 0 (Time % 32 == 0); offsets 10 then 3: 3 < 10, so the second rolls over.
        var start = Time - (Time % 32) + 8;
        var file = new FitFileWriter()
            .Define(0, 20, false, (253, 4, Uint32), (3, 1, Uint8))
            .Data(0, [.. U32(start), 100])
            .Define(1, 20, false, (3, 1, Uint8))
            .Compressed(1, 10, 101)
            .Compressed(1, 3, 102)
            .Compressed(1, 3, 103)
            .Build();

        var streams = FitDecoder.Decode(file).Streams;

        Assert.Equal([0, 2, 27, 27], streams[StreamNames.Time]!);
        Assert.Equal([100, 101, 102, 103], streams[StreamNames.HeartRate]!);
    }

    [Fact]
    public void InvalidSentinels_GiveNoValue_ForEveryBaseType()
    {
        (byte Type, byte[] Invalid)[] types =
        [
            (0x00, [0xFF]), (0x01, [0x7F]), (0x02, [0xFF]), (0x83, [0xFF, 0x7F]), (0x84, [0xFF, 0xFF]),
            (0x85, [0xFF, 0xFF, 0xFF, 0x7F]), (0x86, [0xFF, 0xFF, 0xFF, 0xFF]), (0x88, [0xFF, 0xFF, 0xFF, 0xFF]),
            (0x89, [.. Enumerable.Repeat((byte)0xFF, 8)]), (0x0A, [0]), (0x8B, [0, 0]), (0x8C, [0, 0, 0, 0]), (0x0D, [0xFF]),
            (0x8E, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]), (0x8F, [.. Enumerable.Repeat((byte)0xFF, 8)]),
            (0x90, [.. Enumerable.Repeat((byte)0, 8)]),
        ];
        var fields = types.Select((t, i) => ((byte)i, (byte)t.Invalid.Length, t.Type)).ToArray();
        var file = new FitFileWriter()
            .Define(0, 0xFF00, false, fields)
            .Data(0, [.. types.SelectMany(t => t.Invalid)])
            .Define(0, 0xFF00, false, (0, 4, 0x88), (1, 1, 0x0A))
            .Data(0, [0, 0, 0xC0, 0x7F, 0]) // a float NaN that is not all ones is NaN too
            .Build();

        var reader = new FitReader(file);
        Assert.True(reader.Read(out var message));
        for (var i = 0; i < types.Length; i++)
        {
            Assert.True(double.IsNaN(message.GetRaw((byte)i)), $"type 0x{types[i].Type:X2}");
        }

        Assert.True(reader.Read(out message));
        Assert.True(double.IsNaN(message.GetRaw(0)));
        Assert.True(double.IsNaN(message.GetRaw(1)));
        Assert.False(reader.Read(out _));
    }

    [Fact]
    public void StringsAndArrays_AreUtf8UpToNul_AndIndexedByElement()
    {
        var file = new FitFileWriter()
            .Define(0, 0, false, (1, 2, Uint16), (8, 8, Text))
            .Data(0, [.. U16(255), .. "Zoë\0xx"u8.ToArray(), 0])
            .Define(1, 0xFF01, false, (0, 6, Uint16))
            .Data(1, [.. U16(1), .. U16(2), .. U16(0xFFFF)])
            .Build();

        var activity = FitDecoder.Decode(file);
        var reader = new FitReader(file);
        reader.Read(out _);
        reader.Read(out var array);

        Assert.Equal(new DeviceInfo("development", "Zoë", null, null), activity.Metadata.Device);
        Assert.Equal(2, array.GetRaw(0, element: 1));
        Assert.True(double.IsNaN(array.GetRaw(0, element: 2)));
        Assert.True(double.IsNaN(array.GetRaw(0, element: 3)));
    }

    [Fact]
    public void EnhancedFields_ArePreferred_InEitherOrder()
    {
        var file = new FitFileWriter()
            .Define(0, 20, false, (6, 2, Uint16), (73, 4, Uint32), (2, 2, Uint16))
            .Data(0, [.. U16(1000), .. U32(2000), .. U16(3000)])
            .Define(0, 20, false, (78, 4, Uint32), (2, 2, Uint16), (6, 2, Uint16))
            .Data(0, [.. U32(3500), .. U16(3000), .. U16(1500)])
            .Build();

        var streams = FitDecoder.Decode(file).Streams;

        Assert.Equal([2, 1.5], streams[StreamNames.Speed]!);
        Assert.Equal([100, 200], streams[StreamNames.Altitude]!); // raw / 5 - 500
    }

    [Fact]
    public void CompressedSpeedDistance_AccumulatesDistanceAcrossRollover()
    {
        static byte[] Packed(int speed, int distance) =>
            [(byte)speed, (byte)((speed >> 8) | ((distance & 0x0F) << 4)), (byte)(distance >> 4)];
        var file = new FitFileWriter()
            .Define(0, 20, false, (8, 3, Bytes))
            .Data(0, Packed(350, 4000))
            .Data(0, Packed(360, 100)) // 4096 - 4000 + 100 = 196 units later
            .Data(0, [0xFF, 0xFF, 0xFF])
            .Build();

        var streams = FitDecoder.Decode(file).Streams;

        Assert.Equal([3.5, 3.6, double.NaN], streams[StreamNames.Speed]!);
        Assert.Equal([4000 / 16.0, 4196 / 16.0, double.NaN], streams[StreamNames.Distance]!);
    }

    [Fact]
    public void AccumulatedFields_RollOver_AndFullFieldsResetTheTotal()
    {
        var file = new FitFileWriter()
            .Define(0, 20, false, (18, 1, Uint8), (28, 2, Uint16))
            .Data(0, [250, .. U16(65000)])
            .Data(0, [4, .. U16(1000)]) // 8-bit cycles and 16-bit power wrap around
            .Define(1, 20, false, (19, 4, Uint32), (29, 4, Uint32))
            .Data(1, [.. U32(1000), .. U32(200_000)])
            .Data(0, [240, .. U16(4000)]) // continues from the full values: 1000 + 0xF0 - 0xE8, 200,000 + 4000 - 3392
            .Build();

        var streams = FitDecoder.Decode(file).Streams;

        Assert.Equal([250, 260, 1000, 1008], streams["total_cycles"]!);
        Assert.Equal([65000, 66536, 200_000, 200_608], streams["accumulated_power"]!);
    }

    [Fact]
    public void DeveloperFields_UseTheirDescription_ForNameScaleAndUnits()
    {
        var file = new FitFileWriter()
            .Define(0, 207, false, (3, 1, Uint8))
            .Data(0, 0)
            .Define(1, 206, false, (0, 1, Uint8), (1, 1, Uint8), (2, 1, Uint8), (3, 8, Text), (6, 1, Uint8), (8, 4, Text))
            .Data(1, [0, 5, Uint16, .. "smo2\0\0\0\0"u8.ToArray(), 10, .. "%\0\0\0"u8.ToArray()])
            .Data(1, [0, 7, Uint16, .. "power\0\0\0"u8.ToArray(), 1, .. "W\0\0\0"u8.ToArray()])
            .Define(2, 20, false, [(253, 4, Uint32), (3, 1, Uint8)], [(5, 2, 0), (6, 1, 0), (7, 2, 0)])
            .Data(2, [.. U32(Time), 120, .. U16(655), 9, .. U16(180)])
            .Define(3, 20, false, (7, 2, Uint16))
            .Data(3, U16(200))
            .Build();

        var decoded = FitDecoder.DecodeWithUnits(file);

        Assert.Equal([65.5, double.NaN], decoded.Activity.Streams["smo2"]!);
        Assert.Equal("%", decoded.Units["smo2"]);
        Assert.Equal([120, double.NaN], decoded.Activity.Streams[StreamNames.HeartRate]!); // the undescribed field 6 is skipped, not misread
        Assert.Equal([180, double.NaN], decoded.Activity.Streams["power_developer"]!); // an app's "power" does not mix with the profile's
        Assert.Equal([double.NaN, 200], decoded.Activity.Streams[StreamNames.Power]!);
    }

    [Fact]
    public void UnknownMessagesAndFields_AreSkipped()
    {
        var file = new FitFileWriter()
            .Define(0, 0xABCD, false, (1, 200, Bytes))
            .Data(0, new byte[200])
            .Define(1, 20, false, (200, 3, Bytes), (3, 1, Uint8), (13, 1, Sint8))
            .Data(1, 1, 2, 3, 140, 0xF6)
            .Build();

        var streams = FitDecoder.Decode(file).Streams;

        Assert.Equal([140], streams[StreamNames.HeartRate]!);
        Assert.Equal([-10], streams[StreamNames.Temperature]!);
        Assert.Equal(2, streams.Names.Count()); // no time stream either: these records carry no timestamp
    }
}
