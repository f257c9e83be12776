using System.IO.Compression;
using System.Text;

namespace Forma.Formats.Archives;

/// <summary>
/// A Strava bulk export: <c>activities.csv</c> lists every activity, and its Filename column points at the
/// original upload under <c>activities/</c> (<c>activities/123.fit.gz</c>). Rows without a file (manual
/// entries) become entries without a file; files no row names become entries without a name.
/// </summary>
internal static class StravaExport
{
    public const string IndexName = "activities.csv";

    /// <summary>Far above a real row (a long description is a few KB), far below a memory problem.</summary>
    private const int MaxRecordChars = 1 << 20;

    private static readonly string[] Extensions = [".fit", ".fit.gz", ".gpx", ".gpx.gz", ".tcx", ".tcx.gz"];

    public static List<ArchiveEntry> Entries(ZipContainer root, ZipArchiveEntry index)
    {
        var files = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in root.Files.Where(f => f.FullName.StartsWith("activities/", StringComparison.OrdinalIgnoreCase) && HasActivityExtension(f.FullName)))
        {
            files.TryAdd(file.FullName, file);
        }

        var entries = new List<ArchiveEntry>();
        using var reader = new StreamReader(root.Open(index), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecords(reader, MaxRecordChars);
        var columns = StravaColumns.Find(csv.Next() ?? []);
        for (var row = csv.Next(); row is not null; row = csv.Next())
        {
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var named = StravaColumns.Field(row, columns.Filename);
            var file = named is null ? null : files.GetValueOrDefault(named.TrimStart('/'));
            if (file is not null)
            {
                files.Remove(file.FullName);
            }

            entries.Add(FromRow(root, file, row, columns, entries.Count));
        }

        entries.AddRange(files.Values.Select(f => new ArchiveEntry(root.PathOf(f), () => root.Open(f))));
        return entries;
    }

    private static ArchiveEntry FromRow(ZipContainer root, ZipArchiveEntry? file, List<string> row, StravaColumns columns, int rowIndex)
    {
        // The row's own Filename text is not used as a path: only names found in the archive are.
        var id = StravaColumns.Field(row, columns.Id) ?? $"row-{rowIndex + 1}";
        var type = StravaColumns.Field(row, columns.Type);
        (string? Sport, string? SubSport) kind = type is null ? default : StravaValues.Sport(type);
        return new ArchiveEntry(file is null ? $"{IndexName}#{id}" : root.PathOf(file), file is null ? null : () => root.Open(file))
        {
            Name = StravaColumns.Field(row, columns.Name),
            Sport = kind.Sport,
            SubSport = kind.SubSport,
            StartTime = StravaValues.Date(StravaColumns.Field(row, columns.Date)),
        };
    }

    private static bool HasActivityExtension(string name) =>
        Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
