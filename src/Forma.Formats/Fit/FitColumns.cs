namespace Forma.Formats.Fit;

/// <summary>
/// Growable double columns, one row per record message. A column's array is allocated on its first value and
/// reads NaN wherever no value was written, so a row writes only the values it has and a field that is always
/// invalid costs nothing. With the capacity counted beforehand the arrays are exactly the final size and go to
/// <see cref="SampleStreams"/> without a copy.
/// </summary>
/// <remarks>
/// The NaN is written a block of rows ahead of the row being decoded rather than over the whole array up front:
/// a 13,000-row ride's fourteen columns are 1.5 MB, more than a core's L2 cache, and filling them first meant
/// every cache line came from memory twice (once to fill, once to write the value). Filled just ahead, the line is
/// still in cache when the value lands.
/// </remarks>
internal sealed class FitColumns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly Dictionary<string, string> _units = new(StringComparer.Ordinal);
    private readonly long _budget;
    private double[]?[] _arrays = new double[]?[16];
    private const int FillBlock = 1024; // rows; 8 KB per column
    private int _allocated;
    private int _capacity;
    private int _filled; // rows [0, _filled) of every allocated column hold NaN or a value

    /// <param name="capacity">Rows to allocate for.</param>
    /// <param name="inputLength">
    /// Bytes of input. Columns may use at most 32 times that (plus 64 MiB): a crafted file of one-byte records
    /// after one many-field record would otherwise make a megabyte of input cost gigabytes of columns. Real
    /// files use about twice their size.
    /// </param>
    public FitColumns(int capacity, int inputLength)
    {
        _capacity = Math.Max(capacity, 16);
        _budget = (32L * inputLength) + (64L << 20);
        Column(StreamNames.Time, "s");
    }

    public int Rows { get; private set; }

    /// <summary>The row being written.</summary>
    public int Row => Rows - 1;

    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The column's number, registering it (without memory) the first time the name is seen.</summary>
    public int Column(string name, string? units)
    {
        if (_index.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (_arrays.Length == _names.Count)
        {
            Array.Resize(ref _arrays, _arrays.Length * 2);
        }

        _index[name] = _names.Count;
        _names.Add(name);
        if (units is not null)
        {
            _units[name] = units;
        }

        return _names.Count - 1;
    }

    /// <summary>The column's cells, allocated on first use.</summary>
    public double[] Cells(int column) => _arrays[column] ?? Allocate(column);

    /// <summary>The cells of a column that has values, else null.</summary>
    public double[]? Existing(int column) => _arrays[column];

    private double[] Allocate(int column)
    {
        CheckBudget(_capacity, _allocated + 1);
        var cells = GC.AllocateUninitializedArray<double>(_capacity); // filled with NaN as rows come: zeroing first is waste
        cells.AsSpan(0, _filled).Fill(double.NaN);
        _arrays[column] = cells;
        _allocated++;
        return cells;
    }

    public void BeginRow()
    {
        if (Rows == _filled)
        {
            FillAhead();
        }

        Rows++;
    }

    private void FillAhead()
    {
        if (Rows == _capacity)
        {
            Grow();
        }

        var end = Math.Min(_filled + FillBlock, _capacity);
        for (var c = 0; c < _names.Count; c++)
        {
            _arrays[c]?.AsSpan(_filled, end - _filled).Fill(double.NaN);
        }

        _filled = end;
    }

    /// <summary>The columns that got values, trimmed to <see cref="Rows"/>.</summary>
    public SampleStreams Build(out Dictionary<string, string> units)
    {
        units = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Rows == 0)
        {
            return SampleStreams.Empty;
        }

        var streams = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 0; c < _names.Count; c++)
        {
            if (_arrays[c] is not { } array)
            {
                continue;
            }

            if (array.Length != Rows)
            {
                Array.Resize(ref array, Rows);
            }

            streams[_names[c]] = array;
            if (_units.TryGetValue(_names[c], out var unit))
            {
                units[_names[c]] = unit;
            }
        }

        return new SampleStreams(Rows, streams);
    }

    private void Grow()
    {
        var capacity = _capacity * 2;
        CheckBudget(capacity, _allocated);
        for (var c = 0; c < _names.Count; c++)
        {
            if (_arrays[c] is not { } array)
            {
                continue;
            }

            var grown = GC.AllocateUninitializedArray<double>(capacity);
            array.AsSpan(0, _filled).CopyTo(grown);
            _arrays[c] = grown;
        }

        _capacity = capacity;
    }

    private void CheckBudget(long rows, int columns)
    {
        if (rows * columns * sizeof(double) > _budget)
        {
            throw new ActivityFormatException("fit-too-large", $"{columns} streams of {rows} samples are more than this input can need.");
        }
    }
}
