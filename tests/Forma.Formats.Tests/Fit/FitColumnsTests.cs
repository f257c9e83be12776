using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

public class FitColumnsTests
{
    [Fact]
    public void Columns_GrowPastTheirCapacity_AndLeaveUnsetCellsEmpty()
    {
        var columns = new FitColumns(capacity: 16, inputLength: 1000);
        var even = columns.Column("even", "n");
        columns.Column("never", null);
        for (var row = 0; row < 40; row++)
        {
            columns.BeginRow();
            columns.Cells(0)[columns.Row] = row;
            if (row % 2 == 0)
            {
                columns.Cells(even)[columns.Row] = row;
            }
        }

        var streams = columns.Build(out var units);

        Assert.Equal(40, streams.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(r => (double)r), streams[StreamNames.Time]!);
        Assert.Equal(Enumerable.Range(0, 40).Select(r => r % 2 == 0 ? r : double.NaN), streams["even"]!);
        Assert.False(streams.Has("never")); // registered, never given a value
        Assert.Equal("n", units["even"]);
    }
}
