using System.Globalization;

namespace Forma.Formats.Tests.Fit;

/// <summary>
/// One row of python-fitparse's <c>*-records.csv</c> (see SOURCES.md): times rendered in PDT (UTC-7),
/// positions in semicircles, an invalid cadence as 0 or empty, an invalid position as the last valid one.
/// </summary>
internal sealed record FitparseRecord(
    DateTime Time, double? HeartRate, double? Cadence, double? Speed, double? Distance,
    double? Lat, double? Long, double? Altitude, double? Temperature)
{
    public static List<FitparseRecord> Read(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(Parse)];

    private static FitparseRecord Parse(string line)
    {
        var c = line.Split(',');
        var local = DateTime.ParseExact(c[0].Replace(" PDT", "", StringComparison.Ordinal), "ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture);
        return new FitparseRecord(
            DateTime.SpecifyKind(local.AddHours(7), DateTimeKind.Utc),
            Number(c[1]), Number(c[2]), Number(c[3]), Number(c[4]), Number(c[5]), Number(c[6]), Number(c[7]), Number(c[8]));
    }

    private static double? Number(string s) =>
        s.Length == 0 || s == "null" ? null : double.Parse(s, CultureInfo.InvariantCulture);
}
