using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Forma.Testing;

namespace Forma.Benchmarks;

/// <summary>
/// A bulk export of many distinct activities, built from the shared fixtures: GPX and TCX recordings copied
/// with every timestamp moved by a whole number of days, so each copy is a different file (different bytes,
/// a different workout date) that decodes like the original.
/// </summary>
internal static partial class ShiftedArchive
{
    private static readonly string[] Sources = ["gpx/riderx3.gpx", "gpx/korita-zbevnica.gpx", "gpx/cerknicko-jezero.gpx", "tcx/test.tcx", "tcx/mapmyride_biking.tcx"];

    public static byte[] Build(int activities)
    {
        var originals = Sources.Select(s => (Name: Path.GetFileName(s), Text: File.ReadAllText(SharedFixtures.Path(s)))).ToArray();
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < activities; i++)
            {
                var (name, text) = originals[i % originals.Length];
                var shifted = Timestamp().Replace(text, m => Shift(m.Value, days: i + 1));
                var entry = zip.CreateEntry($"activities/{i:D5}-{name}", CompressionLevel.Fastest);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(shifted);
            }
        }

        return output.ToArray();
    }

    private static string Shift(string timestamp, int days)
    {
        var parsed = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return parsed.AddDays(days).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Timestamp();
}
