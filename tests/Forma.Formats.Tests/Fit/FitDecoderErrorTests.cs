using Forma.Formats.Fit;
using static Forma.Formats.Tests.Fit.FitFileWriter;

namespace Forma.Formats.Tests.Fit;

/// <summary>File headers, CRCs and limits on files written by hand.</summary>
public class FitDecoderErrorTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    public void BothHeaderSizes_Decode(int headerSize)
    {
        var file = new FitFileWriter().Define(0, 20, false, (3, 1, Uint8)).Data(0, 99).Build(headerSize);

        Assert.Equal([99], FitDecoder.Decode(file).Streams[StreamNames.HeartRate]!);
    }

    [Fact]
    public void HeaderCrc_Zero_IsNotChecked_ButAWrongOneIs()
    {
        var noHeaderCrc = new FitFileWriter().Define(0, 20, false, (3, 1, Uint8)).Data(0, 99).Build(headerCrc: false);
        var wrong = new FitFileWriter().Define(0, 20, false, (3, 1, Uint8)).Data(0, 99).Build();
        wrong[12] ^= 0x55;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(wrong.AsSpan(wrong.Length - 2), FitCrc.Compute(wrong.AsSpan(0, wrong.Length - 2)));

        Assert.Equal(1, FitDecoder.Decode(noHeaderCrc).Streams.Count);
        Assert.Equal("fit-crc-mismatch", Assert.Throws<ActivityFormatException>(() => FitDecoder.Decode(wrong)).Code);
        Assert.Single(FitDecoder.Decode(wrong, new FitDecodeOptions { IgnoreCrc = true }).Warnings);
    }

    [Fact]
    public void ManyStreamsTimesManyTinyRecords_IsTooLarge_NotGigabytes()
    {
        // One record with every profile field the decoder keeps, then 200,000 one-byte records: 60 columns of
        // 200,000 doubles would be ~100 MB from a 200 kB file.
        var numbers = Enumerable.Range(0, 140).Where(n => n is not (8 or 253)).Select(n => ((byte)n, (byte)1, Uint8)).ToArray();
        var writer = new FitFileWriter()
            .Define(0, 20, false, numbers)
            .Data(0, new byte[numbers.Length])
            .Define(1, 20, false);
        writer.Raw(Enumerable.Repeat((byte)1, 200_000).ToArray());

        var error = Assert.Throws<ActivityFormatException>(() => FitDecoder.Decode(writer.Build()));

        Assert.Equal("fit-too-large", error.Code);
    }

    [Theory]
    [InlineData("undefined-local", "fit-undefined-local-type")]
    [InlineData("data-size-lie", "fit-truncated")]
    [InlineData("header-size", "fit-header-invalid")]
    [InlineData("signature", "fit-header-invalid")]
    [InlineData("empty", "fit-header-invalid")]
    [InlineData("too-many", "fit-too-large")]
    public void MalformedInput_EndsInTypedError(string problem, string code)
    {
        var file = new FitFileWriter().Define(0, 20, false, (3, 1, Uint8)).Data(0, 99).Data(0, 98).Build(headerCrc: false);
        var options = new FitDecodeOptions { MaxMessages = problem == "too-many" ? 2 : 100 };
        switch (problem)
        {
            case "undefined-local":
                file = new FitFileWriter().Define(0, 20, false, (3, 1, Uint8)).Data(3, 99).Build();
                break;
            case "data-size-lie":
                file[4] = 0xF0;
                break;
            case "header-size":
                file[0] = 13;
                break;
            case "signature":
                file[9] = (byte)'X';
                break;
            case "empty":
                file = [];
                break;
            default:
                break;
        }

        var error = Assert.Throws<ActivityFormatException>(() => FitDecoder.Decode(file, options));

        Assert.Equal(code, error.Code);
    }
}
