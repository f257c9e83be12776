using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

public class FitRecordCounterTests
{
    [Theory]
    [MemberData(nameof(FitDecoderFixtureTests.ValidFiles), MemberType = typeof(FitDecoderFixtureTests))]
    public void Count_EqualsTheDecodedRows_SoColumnsAreAllocatedOnce(string relative)
    {
        var bytes = Fixtures.Bytes(relative);

        Assert.Equal(FitDecoder.Decode(bytes).Streams.Count, FitRecordCounter.Count(bytes, 20));
    }

    [Fact]
    public void Count_StopsAtWhatDoesNotAddUp_WithoutThrowing()
    {
        var file = new FitFileWriter()
            .Define(0, 20, false, (3, 1, FitFileWriter.Uint8))
            .Data(0, 1)
            .Data(0, 2)
            .Data(5, 3) // local type 5 was never defined: the decoder fails here, the counter stops
            .Build();

        Assert.Equal(2, FitRecordCounter.Count(file, 20));
        Assert.Equal(0, FitRecordCounter.Count(file.AsSpan(0, 13), 20)); // a header cut short
    }
}
