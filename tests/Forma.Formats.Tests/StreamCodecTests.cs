namespace Forma.Formats.Tests;

public class StreamCodecTests
{
    [Fact]
    public void Encode_ThenDecode_ReturnsEveryValueBitForBit_IncludingGaps()
    {
        var original = new SampleStreams(4, new Dictionary<string, double[]>
        {
            [StreamNames.Time] = [0, 1, 2, 3.5],
            [StreamNames.Latitude] = [46.0511234567891, double.NaN, 46.0511, -0.0],
            ["left_right_balance"] = [double.NaN, double.NaN, 51, 49],
        });

        var decoded = StreamCodec.Decode(new MemoryStream(StreamCodec.Encode(original)));

        Assert.Equal(original.Count, decoded.Count);
        Assert.Equal(original.Names.Order(), decoded.Names.Order());
        foreach (var name in original.Names)
        {
            Assert.Equal(original[name]!.Select(BitConverter.DoubleToInt64Bits), decoded[name]!.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Decode_OfTruncatedOrForeignBytes_IsATypedError()
    {
        // Bit rot inside the compressed data is caught by the blob's SHA-256 name, not here.
        var bytes = StreamCodec.Encode(new SampleStreams(1000, new Dictionary<string, double[]> { ["time"] = [.. Enumerable.Range(0, 1000).Select(i => (double)i)] }));
        Assert.Equal("streams-invalid", Assert.Throws<ActivityFormatException>(() => StreamCodec.Decode(new MemoryStream(bytes[..(bytes.Length / 2)]))).Code);
        Assert.Equal("streams-invalid", Assert.Throws<ActivityFormatException>(() => StreamCodec.Decode(new MemoryStream("not streams at all"u8.ToArray()))).Code);
    }
}
