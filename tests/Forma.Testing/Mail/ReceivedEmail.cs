namespace Forma.Testing.Mail;

/// <summary>A message the <see cref="SmtpListener"/> accepted: its envelope, its raw data, and the parsed content.</summary>
/// <param name="Credential">What the client authenticated with on that connection, if it did.</param>
public sealed record ReceivedEmail(string EnvelopeFrom, IReadOnlyList<string> Recipients, string Data, SmtpCredential? Credential)
{
    public ParsedMail Content { get; } = ParsedMail.Parse(Data);

    /// <summary>Whether the message came over a TLS connection.</summary>
    public bool OverTls { get; init; }

    public string? Subject => Content.Subject;

    public string? TextBody => Content.TextBody;

    public string? HtmlBody => Content.HtmlBody;

    public string? Header(string name) => Content.Header(name);
}

/// <summary>User name and password as a client sent them, with the SASL mechanism it chose.</summary>
public sealed record SmtpCredential(string Mechanism, string Username, string Password);
