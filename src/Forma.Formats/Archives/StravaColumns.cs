namespace Forma.Formats.Archives;

/// <summary>
/// Where the columns we use sit in <c>activities.csv</c>. Header spelling has drifted between export versions
/// ("Activity ID"/"Activity Id", "Filename"/"File Name"), so names are compared lower-case with letters and
/// digits only. Several names appear twice in newer exports (Distance, Elapsed Time); the first one wins.
/// </summary>
internal sealed record StravaColumns(int Id, int Date, int Name, int Type, int Filename)
{
    public static StravaColumns Find(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(Key(header[i]), i);
        }

        int At(string name) => index.GetValueOrDefault(name, -1);
        return new StravaColumns(At("activityid"), At("activitydate"), At("activityname"), At("activitytype"), At("filename"));
    }

    public static string? Field(IReadOnlyList<string> row, int column)
    {
        var value = column >= 0 && column < row.Count ? row[column].Trim() : "";
        return value.Length == 0 ? null : value;
    }

    private static string Key(string name) =>
        string.Concat(name.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
}
