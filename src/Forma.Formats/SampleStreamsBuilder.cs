namespace Forma.Formats;

/// <summary>
/// Collects samples row by row into columns. A stream seen for the first time at row N is back-filled
/// with NaN, and a row that lacks a stream gets NaN there, so every column stays aligned.
/// </summary>
public sealed class SampleStreamsBuilder(int capacity = 1024)
{
    private readonly Dictionary<string, List<double>> _columns = new(StringComparer.Ordinal);
    private readonly int _capacity = Math.Max(16, capacity);
    private int _rows;
    private bool _rowOpen;

    public int Count => _rows;

    /// <summary>Starts a new row; values set until the next call belong to it.</summary>
    public void BeginRow()
    {
        CloseRow();
        _rows++;
        _rowOpen = true;
    }

    /// <summary>Sets a value in the current row. A NaN leaves the sample empty.</summary>
    public void Set(string name, double value)
    {
        if (!_rowOpen)
        {
            throw new InvalidOperationException("Call BeginRow first.");
        }

        if (!_columns.TryGetValue(name, out var column))
        {
            column = new List<double>(Math.Max(_capacity, _rows));
            column.AddRange(Enumerable.Repeat(double.NaN, _rows - 1));
            _columns[name] = column;
        }

        if (column.Count == _rows)
        {
            column[^1] = value; // set twice in one row: the later value wins
        }
        else
        {
            column.Add(value);
        }
    }

    public SampleStreams Build()
    {
        CloseRow();
        _rowOpen = false;
        return new SampleStreams(_rows, _columns.ToDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Pads the columns the finished row did not set.</summary>
    private void CloseRow()
    {
        if (!_rowOpen)
        {
            return;
        }

        foreach (var column in _columns.Values)
        {
            if (column.Count < _rows)
            {
                column.Add(double.NaN);
            }
        }
    }
}
