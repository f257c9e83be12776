using System.Text;
using System.Text.RegularExpressions;

namespace Forma.Formats.Tests.Xml;

/// <summary>The ways <see cref="XmlMutator"/> corrupts a document.</summary>
internal enum Mutation
{
    BitFlips,
    Truncation,
    BillionLaughs,
    ExternalEntity,
    HugeAttribute,
    DeepNesting,
    InvalidNumber,
    InvalidDate,
    ChunkShuffle,
    StrayBytes,
}

/// <summary>
/// Corrupts GPX/TCX documents in ways real uploads and attackers do. Deterministic for a given Random, so a
/// failing variant is reproduced by its index.
/// </summary>
internal static partial class XmlMutator
{
    private static readonly string[] BadNumbers = ["1e999", "-1e999", "NaN", "", "-", "0x1F", "1,5", "∞", "١٢٣", new('9', 400), "1e-999", "+-1", " 12 ", "Infinity"];
    private static readonly string[] BadDates = ["2021-02-30T00:00:00Z", "9999-99-99", "", "yesterday", "0000-01-01T00:00:00Z", "2021-03-23T25:61:61Z", "+275760-09-13T00:00:00Z", "2021-03-23T13:01:57+99:00", "2021-03-23", "2021-03-23T13:01:57.Z"];
    private static readonly string[] StrayPieces = ["\0", "\u00FF", "<", "&", "]]>", "\"", "</trkpt>", "</Lap>", "<![CDATA[", "&#0;", "&#xD800;", "\uFFFE"];

    public static byte[] Mutate(string document, Mutation mutation, Random random) => mutation switch
    {
        Mutation.BitFlips => FlipBits(Encoding.UTF8.GetBytes(document), random),
        Mutation.Truncation => Encoding.UTF8.GetBytes(document)[..random.Next(document.Length)],
        Mutation.BillionLaughs => Utf8(AfterDeclaration(document, Dtds.BillionLaughs)),
        Mutation.ExternalEntity => Utf8(AfterDeclaration(document, Dtds.ExternalEntity)),
        Mutation.HugeAttribute => Utf8(InsertAtTag(document, random, $" huge=\"{new string('7', random.Next(10_000, 300_000))}\"", afterName: true)),
        Mutation.DeepNesting => Utf8(Nest(document, random)),
        Mutation.InvalidNumber => Utf8(ReplaceValue(document, NumberText(), random, BadNumbers)),
        Mutation.InvalidDate => Utf8(ReplaceValue(document, DateText(), random, BadDates)),
        Mutation.ChunkShuffle => Utf8(Shuffle(document, random)),
        Mutation.StrayBytes => Utf8(document.Insert(random.Next(document.Length), StrayPieces[random.Next(StrayPieces.Length)])),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
    };

    /// <summary>Keeps every n-th point so a large fixture mutates quickly but keeps its structure (laps, segments, extensions).</summary>
    public static string Shrink(string document, int keep)
    {
        var points = PointElement().Count(document);
        var stride = Math.Max(1, points / keep);
        var index = 0;
        return PointElement().Replace(document, m => index++ % stride == 0 ? m.Value : "");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] FlipBits(byte[] bytes, Random random)
    {
        for (var flips = random.Next(1, 9); flips > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return bytes;
    }

    private static string AfterDeclaration(string document, string insert)
    {
        var end = document.StartsWith("<?xml", StringComparison.Ordinal) ? document.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return document.Insert(end, insert);
    }

    private static string InsertAtTag(string document, Random random, string insert, bool afterName)
    {
        var tags = StartTag().Matches(document);
        var tag = tags[random.Next(tags.Count)];
        return document.Insert(afterName ? tag.Index + tag.Length : tag.Index, insert);
    }

    private static string Nest(string document, Random random)
    {
        var depth = random.Next(20, 5000);
        return InsertAtTag(document, random, string.Concat(Enumerable.Repeat("<n>", depth)) + string.Concat(Enumerable.Repeat("</n>", depth)), afterName: false);
    }

    private static string ReplaceValue(string document, Regex values, Random random, string[] replacements)
    {
        var matches = values.Matches(document);
        if (matches.Count == 0)
        {
            return document;
        }

        var value = matches[random.Next(matches.Count)].Groups["v"];
        return string.Concat(document.AsSpan(0, value.Index), replacements[random.Next(replacements.Length)], document.AsSpan(value.Index + value.Length));
    }

    private static string Shuffle(string document, Random random)
    {
        var start = random.Next(document.Length);
        var length = random.Next(Math.Min(2000, document.Length - start) + 1);
        var chunk = document.Substring(start, length);
        return random.Next(3) switch
        {
            0 => document.Remove(start, length),
            1 => document.Insert(start, chunk),
            _ => document.Remove(start, length).Insert(random.Next(document.Length - length + 1), chunk),
        };
    }

    [GeneratedRegex(@"<(trkpt|Trackpoint|rtept|wpt)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex PointElement();

    [GeneratedRegex(@"<[A-Za-z][\w:.-]*")]
    private static partial Regex StartTag();

    /// <summary>Element text or an attribute value that reads as a number.</summary>
    [GeneratedRegex(@"(?:>|(?:lat|lon)="")(?<v>-?[0-9][0-9.]*)[<""]")]
    private static partial Regex NumberText();

    [GeneratedRegex(@"(?:>|StartTime="")(?<v>[0-9]{4}-[0-9]{2}-[0-9]{2}T[^<""]*)[<""]")]
    private static partial Regex DateText();
}
