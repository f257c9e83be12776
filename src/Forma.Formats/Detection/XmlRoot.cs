using System.Buffers;
using System.Text;

namespace Forma.Formats.Detection;

/// <summary>
/// Finds the root element's local name in the start of an XML document without an XML parser: skips the
/// byte-order mark, whitespace, the XML declaration, processing instructions, comments and a DOCTYPE (with
/// its internal subset, as Apple Health writes one). Only a hint for routing; the real readers validate.
/// </summary>
internal static class XmlRoot
{
    private static readonly SearchValues<char> NameEnd = SearchValues.Create(" \t\r\n>/");

    public static string? LocalName(ReadOnlySpan<byte> head)
    {
        var text = Decode(head);
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '<')
            {
                return null;
            }

            var rest = text.AsSpan(i);
            var skipTo = rest.StartsWith("<?") ? IndexAfter(rest, "?>")
                : rest.StartsWith("<!--") ? IndexAfter(rest, "-->")
                : rest.StartsWith("<!DOCTYPE") ? AfterDoctype(rest)
                : 0;
            if (skipTo < 0)
            {
                return null;
            }

            if (skipTo == 0)
            {
                return ElementName(rest[1..]);
            }

            i += skipTo;
        }
    }

    /// <summary>UTF-16 is told by its byte-order mark or by the zero byte beside the first '&lt;'; anything else is read as UTF-8.</summary>
    private static string Decode(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith<byte>([0xFF, 0xFE]) || head.StartsWith<byte>([0x3C, 0x00]))
        {
            return Encoding.Unicode.GetString(head[..(head.Length & ~1)]).TrimStart('\uFEFF');
        }

        if (head.StartsWith<byte>([0xFE, 0xFF]) || head.StartsWith<byte>([0x00, 0x3C]))
        {
            return Encoding.BigEndianUnicode.GetString(head[..(head.Length & ~1)]).TrimStart('\uFEFF');
        }

        return Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
    }

    private static int IndexAfter(ReadOnlySpan<char> s, string end)
    {
        var at = s.IndexOf(end, StringComparison.Ordinal);
        return at < 0 ? -1 : at + end.Length;
    }

    /// <summary>The DOCTYPE ends at the first '&gt;' outside its [internal subset].</summary>
    private static int AfterDoctype(ReadOnlySpan<char> s)
    {
        var inSubset = false;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '[':
                    inSubset = true;
                    break;
                case ']':
                    inSubset = false;
                    break;
                case '>' when !inSubset:
                    return i + 1;
                default:
                    break;
            }
        }

        return -1;
    }

    /// <summary>The name up to whitespace, '&gt;' or '/', without a namespace prefix; null when the head ends first.</summary>
    private static string? ElementName(ReadOnlySpan<char> s)
    {
        var end = s.IndexOfAny(NameEnd);
        if (end <= 0)
        {
            return null;
        }

        var name = s[..end];
        return name[(name.LastIndexOf(':') + 1)..].ToString();
    }
}
