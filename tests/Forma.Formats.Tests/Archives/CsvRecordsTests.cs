using Forma.Formats.Archives;

namespace Forma.Formats.Tests.Archives;

public class CsvRecordsTests
{
    [Fact]
    public void Next_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var csv = new CsvRecords(new StringReader("a,\"b, \"\"c\"\"\nd\",\r\n\"\",x"), 1000);

        Assert.Equal(["a", "b, \"c\"\nd", ""], csv.Next());
        Assert.Equal(["", "x"], csv.Next());
        Assert.Null(csv.Next());
    }

    [Fact]
    public void Next_UnbalancedQuote_StopsAtTheRecordCap()
    {
        var csv = new CsvRecords(new StringReader("\"" + new string('a', 5000)), 1000);

        Assert.Equal("archive-index-malformed", Assert.Throws<ActivityFormatException>(() => csv.Next()).Code);
    }
}
