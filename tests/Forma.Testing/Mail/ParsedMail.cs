namespace Forma.Testing.Mail;

/// <summary>
/// The parts of an RFC 5322 / MIME message a test asserts on: headers (unfolded, encoded words decoded),
/// the subject, and the text and HTML bodies decoded from base64 or quoted-printable. In a multipart
/// message the bodies are the first text/plain and text/html parts, at any depth.
/// </summary>
public sealed class ParsedMail
{
    private readonly MimeEntity _root;

    private ParsedMail(MimeEntity root)
    {
        _root = root;
        var leaves = root.Leaves().ToList();
        TextBody = leaves.FirstOrDefault(p => p.MediaType == "text/plain")?.DecodedText();
        HtmlBody = leaves.FirstOrDefault(p => p.MediaType == "text/html")?.DecodedText();
    }

    public string? Subject => Header("Subject");

    public string? TextBody { get; }

    public string? HtmlBody { get; }

    /// <summary>Reads a message as a server receives it or as a pickup folder holds it (a <c>.eml</c> file).</summary>
    public static ParsedMail Parse(string raw) => new(MimeEntity.Parse(raw.ReplaceLineEndings("\r\n")));

    /// <summary>The first header of that name, decoded; null when there is none.</summary>
    public string? Header(string name) => _root.Header(name) is { } value ? MimeDecoding.DecodeHeader(value) : null;
}
