using System.Globalization;
using System.Text;

namespace Forma.Formats.Tests.Fit;

/// <summary>A Garmin FitCSVTool dump (see SOURCES.md): the Data rows, each a message name with its scaled field values.</summary>
internal static class FitCsvToolFile
{
    public static List<(string Message, Dictionary<string, string> Fields)> ReadData(string path)
    {
        var rows = new List<(string, Dictionary<string, string>)>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var cells = Split(line);
            if (cells.Count < 3 || cells[0] != "Data")
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 3; i + 1 < cells.Count; i += 3)
            {
                if (cells[i].Length > 0)
                {
                    fields.TryAdd(cells[i], cells[i + 1]);
                }
            }

            rows.Add((cells[2], fields));
        }

        return rows;
    }

    public static double? Number(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : null;

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
