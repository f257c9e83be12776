using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Forma.Testing.Mail;

/// <summary>The transfer encodings mail clients use: quoted-printable (RFC 2045 section 6.7) and encoded words in headers (RFC 2047).</summary>
internal static partial class MimeDecoding
{
    public static byte[] FromQuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '=')
            {
                bytes.Add((byte)text[i]);
            }
            else if (i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n')
            {
                i += 2; // A soft line break: the encoder wrapped a long line here.
            }
            else if (i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                bytes.Add((byte)'=');
            }
        }

        return [.. bytes];
    }

    /// <summary>Decodes <c>=?charset?B|Q?text?=</c> words; white space between two adjacent words is not part of the text.</summary>
    public static string DecodeHeader(string value) =>
        EncodedWord().Replace(BetweenEncodedWords().Replace(value, ""), match =>
        {
            var text = match.Groups["text"].Value;
            var bytes = match.Groups["encoding"].Value is "B" or "b"
                ? Convert.FromBase64String(text)
                : FromQuotedPrintable(text.Replace('_', ' '));
            return Encoding.GetEncoding(match.Groups["charset"].Value).GetString(bytes);
        });

    [GeneratedRegex(@"=\?(?<charset>[^?*]+)(\*[^?]*)?\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(?<=\?=)\s+(?==\?)")]
    private static partial Regex BetweenEncodedWords();
}
