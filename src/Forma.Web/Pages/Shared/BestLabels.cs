using System.Globalization;

namespace Forma.Web.Pages.Shared;

/// <summary>Reads a best's key (<c>power-300s</c>, <c>run-5000m</c>, <c>swim-400m</c>; see ActivityBest) into words.</summary>
internal static class BestLabels
{
    public static string Describe(string key, double value, Viewer viewer)
    {
        var parts = key.Split('-', 2);
        if (parts.Length != 2)
        {
            return $"{key}: {Viewer.Number(value)}";
        }

        var amount = parts[1].TrimEnd('s', 'm');
        if (!double.TryParse(amount, NumberStyles.Float, CultureInfo.InvariantCulture, out var size))
        {
            return $"{key}: {Viewer.Number(value)}";
        }

        return parts[0] switch
        {
            "power" => $"{Viewer.Duration(size)} power: {Viewer.Number(value)} W",
            "run" => $"{viewer.Distance(size)} run: {Viewer.Duration(value)}",
            "swim" => $"{Viewer.Number(size)} m swim: {Viewer.Duration(value)}",
            _ => $"{key}: {Viewer.Number(value)}",
        };
    }
}
