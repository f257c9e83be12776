using System.Text;

namespace Forma.Testing.Mail;

/// <summary>One MIME entity: its headers and body, and its parts when it is a multipart.</summary>
internal sealed class MimeEntity
{
    private readonly List<KeyValuePair<string, string>> _headers;
    private readonly string _body;
    private readonly List<MimeEntity> _parts = [];
    private readonly Dictionary<string, string> _parameters = new(StringComparer.OrdinalIgnoreCase);

    private MimeEntity(List<KeyValuePair<string, string>> headers, string body)
    {
        _headers = headers;
        _body = body;
        var contentType = (Header("Content-Type") ?? "text/plain").Split(';');
        MediaType = contentType[0].Trim().ToLowerInvariant();
        foreach (var parameter in contentType.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2))
        {
            _parameters[parameter[0].Trim()] = parameter[1].Trim().Trim('"');
        }

        if (MediaType.StartsWith("multipart/", StringComparison.Ordinal) && _parameters.TryGetValue("boundary", out var boundary))
        {
            _parts.AddRange(SplitParts(body, boundary).Select(Parse));
        }
    }

    public string MediaType { get; }

    /// <param name="raw">CRLF line endings.</param>
    public static MimeEntity Parse(string raw)
    {
        var end = raw.StartsWith("\r\n", StringComparison.Ordinal) ? 0 : raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = end < 0 ? raw : raw[..end];
        var body = end < 0 ? "" : raw[(end + (end == 0 ? 2 : 4))..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in headerText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (line[0] is ' ' or '\t' && headers.Count > 0)
            {
                // A folded header continues on lines that start with white space (RFC 5322 section 2.2.3).
                headers[^1] = new(headers[^1].Key, headers[^1].Value + line);
            }
            else if (line.Split(':', 2) is [var name, var value])
            {
                headers.Add(new(name.Trim(), value.Trim()));
            }
        }

        return new MimeEntity(headers, body);
    }

    public string? Header(string name) =>
        _headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<MimeEntity> Leaves() => _parts.Count == 0 ? [this] : _parts.SelectMany(p => p.Leaves());

    public string DecodedText()
    {
        var bytes = (Header("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(string.Concat(_body.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => MimeDecoding.FromQuotedPrintable(_body),
            _ => Encoding.Latin1.GetBytes(_body),
        };
        var charset = _parameters.GetValueOrDefault("charset", "us-ascii");
        return Encoding.GetEncoding(charset).GetString(bytes);
    }

    /// <summary>The parts between "--boundary" lines, up to "--boundary--"; the CRLF before each delimiter belongs to the delimiter.</summary>
    private static IEnumerable<string> SplitParts(string body, string boundary)
    {
        StringBuilder? part = null;
        foreach (var line in body.Split("\r\n"))
        {
            var trimmed = line.TrimEnd();
            if (trimmed == "--" + boundary || trimmed == "--" + boundary + "--")
            {
                if (part is not null)
                {
                    yield return part.Length >= 2 ? part.ToString(0, part.Length - 2) : "";
                }

                if (trimmed.EndsWith("--", StringComparison.Ordinal) && trimmed.Length == boundary.Length + 4)
                {
                    yield break;
                }

                part = new StringBuilder();
            }
            else
            {
                part?.Append(line).Append("\r\n");
            }
        }
    }
}
