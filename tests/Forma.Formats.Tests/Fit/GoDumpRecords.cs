using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Forma.Formats.Tests.Fit;

/// <summary>
/// Reads the record, session, device_info and event values out of a tormoder/fit golden dump (a gzip'd Go
/// <c>%#v</c> print; see SOURCES.md). Only the first block of each kind counts; the structure is printed twice.
/// Values stay raw: hex integers, Go time ext seconds.
/// </summary>
internal sealed partial class GoDumpRecords
{
    public List<Dictionary<string, long>> Records { get; } = [];
    public List<Dictionary<string, long>> Sessions { get; } = [];
    public List<Dictionary<string, long>> DeviceInfos { get; } = [];
    public List<Dictionary<string, long>> Events { get; } = [];

    public static GoDumpRecords Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var dump = new GoDumpRecords();
        List<Dictionary<string, long>>? target = null;
        Dictionary<string, long>? current = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var block = BlockStart().Match(line);
            if (block.Success)
            {
                var name = block.Groups[1].Value;
                target = !seen.Add(name) ? null : name switch
                {
                    "Records" => dump.Records,
                    "Sessions" => dump.Sessions,
                    "DeviceInfos" => dump.DeviceInfos,
                    _ => dump.Events,
                };
                continue;
            }

            if (line.StartsWith("  }", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                target = null;
            }

            if (target is null)
            {
                continue;
            }

            if (line.Contains("&fit.", StringComparison.Ordinal) && line.TrimEnd().EndsWith("Msg{", StringComparison.Ordinal))
            {
                current = new Dictionary<string, long>(StringComparer.Ordinal);
                target.Add(current);
                continue;
            }

            var field = Field().Match(line);
            if (current is not null && field.Success)
            {
                var text = field.Groups[2].Value;
                var value = text.StartsWith("0x", StringComparison.Ordinal)
                    ? long.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : long.Parse(text, CultureInfo.InvariantCulture);
                current.TryAdd(field.Groups[1].Value, value); // the first ext is the message's own timestamp
            }
        }

        return dump;
    }

    [GeneratedRegex(@"^  (Records|Sessions|DeviceInfos|Events): \[\]\*fit\.\w+\{")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^\s+(\w+): (?:u?int\d+|fit\.\w+)\((-?(?:0x)?[0-9a-f]+)\)")]
    private static partial Regex Field();
}
