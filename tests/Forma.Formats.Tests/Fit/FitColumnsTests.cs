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

    [Theory]
    [InlineData(5000)] // the estimate was right
    [InlineData(700)] // too low: the columns grow several times
    public void Columns_FirstValueLate_AndPastBlocksOfRows_ReadNaNUntilWritten(int capacity)
    {
        // NaN is written a block of rows ahead; a column that starts at row 2500 must still read NaN before it.
        var columns = new FitColumns(capacity, inputLength: 1 << 20);
        var late = columns.Column("late", null);
        for (var row = 0; row < 5000; row++)
        {
            columns.BeginRow();
            columns.Cells(0)[columns.Row] = row;
            if (row >= 2500 && row % 3 == 0)
            {
                columns.Cells(late)[columns.Row] = row;
            }
        }

        var streams = columns.Build(out _);

        Assert.Equal(Enumerable.Range(0, 5000).Select(r => (double)r), streams[StreamNames.Time]!);
        Assert.Equal(Enumerable.Range(0, 5000).Select(r => r >= 2500 && r % 3 == 0 ? r : double.NaN), streams["late"]!);
    }
}
