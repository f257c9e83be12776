using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

/// <summary>The message reader on its own, against message counts the upstream projects' tests pin.</summary>
public class FitReaderTests
{
    [Theory]
    [InlineData("fit/sample_mulitple_header.fit", 3023, 4)]
    [InlineData("fit/coros-pace-2-cycling-misaligned-fields.fit", 11293, 1)]
    public void DataMessages_AreCounted_AcrossChainedFiles(string relative, int messages, int files)
    {
        var reader = new FitReader(Fixtures.Bytes(relative));
        var count = 0;
        while (reader.Read(out _))
        {
            count++;
        }

        Assert.Equal(messages, count);
        Assert.Equal(files, reader.FileCount);
    }
}
