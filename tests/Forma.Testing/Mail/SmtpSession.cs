using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Forma.Testing.Mail;

/// <summary>One client connection to the <see cref="SmtpListener"/>: reads commands, answers them, hands on each message.</summary>
internal sealed partial class SmtpSession : IDisposable
{
    private const string ServerName = "forma-test-smtp";

    private readonly SmtpListener _listener;
    private readonly TcpClient _client;
    private Stream _stream;
    private StreamReader _reader;
    private StreamWriter _writer;
    private bool _secured;
    private readonly List<string> _recipients = [];
    private string? _from;
    private SmtpCredential? _credential;

    public SmtpSession(SmtpListener listener, TcpClient client)
    {
        _listener = listener;
        _client = client;
        _stream = client.GetStream();
        (_reader, _writer) = Attach(_stream);
    }

    private static (StreamReader, StreamWriter) Attach(Stream stream) =>
        // Latin-1 maps every byte to one char and back, so the raw data survives to be decoded by its own charset.
        (new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true),
         new StreamWriter(stream, Encoding.ASCII, bufferSize: 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true });

    /// <summary>Turns the connection into TLS; what was said before is forgotten (RFC 3207 §4.2).</summary>
    private async Task SecureAsync(CancellationToken stopping)
    {
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _listener.Certificate }, stopping);
        _reader.Dispose();
        await _writer.DisposeAsync();
        _stream = tls;
        (_reader, _writer) = Attach(tls);
        _secured = true;
        _credential = null;
        ResetTransaction();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await ConverseAsync(stopping);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client hung up, or the listener is stopping: either way the conversation is over.
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _stream.Dispose();
        _client.Dispose();
    }

    private async Task ConverseAsync(CancellationToken stopping)
    {
        if (_listener.Tls == SmtpTls.Implicit)
        {
            await SecureAsync(stopping);
        }

        await ReplyAsync($"220 {ServerName} ESMTP ready");
        while (await _reader.ReadLineAsync(stopping) is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var argument = space < 0 ? "" : line[(space + 1)..].Trim();
            switch (verb)
            {
                case "EHLO":
                    ResetTransaction();
                    await ReplyAsync(_listener.Tls == SmtpTls.StartTls && !_secured
                        ? [$"250-{ServerName} greets {argument}", "250-STARTTLS", "250 AUTH PLAIN LOGIN"]
                        : [$"250-{ServerName} greets {argument}", "250 AUTH PLAIN LOGIN"]);
                    break;
                case "STARTTLS" when _listener.Tls == SmtpTls.StartTls && !_secured:
                    await ReplyAsync("220 2.0.0 Ready to start TLS");
                    await SecureAsync(stopping);
                    break;
                case "HELO":
                    ResetTransaction();
                    await ReplyAsync($"250 {ServerName}");
                    break;
                case "AUTH":
                    await AuthenticateAsync(argument, stopping);
                    break;
                case "MAIL":
                    await MailFromAsync(argument);
                    break;
                case "RCPT":
                    await RecipientAsync(argument);
                    break;
                case "DATA":
                    await DataAsync(stopping);
                    break;
                case "RSET":
                    ResetTransaction();
                    await ReplyAsync("250 2.0.0 OK");
                    break;
                case "NOOP":
                    await ReplyAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await ReplyAsync($"221 2.0.0 {ServerName} closing");
                    return;
                default:
                    await ReplyAsync("502 5.5.2 Command not implemented");
                    break;
            }
        }
    }

    private async Task MailFromAsync(string argument)
    {
        if (_listener.Tls != SmtpTls.None && !_secured)
        {
            await ReplyAsync("530 5.7.0 Must issue a STARTTLS command first");
            return;
        }

        if (MailFromPattern().Match(argument) is not { Success: true } match)
        {
            await ReplyAsync("501 5.5.4 Syntax: MAIL FROM:<address>");
            return;
        }

        ResetTransaction();
        _from = match.Groups["address"].Value;
        await ReplyAsync("250 2.1.0 OK");
    }

    private async Task RecipientAsync(string argument)
    {
        if (_from is null)
        {
            await ReplyAsync("503 5.5.1 MAIL first");
        }
        else if (RecipientPattern().Match(argument) is not { Success: true } match)
        {
            await ReplyAsync("501 5.5.4 Syntax: RCPT TO:<address>");
        }
        else
        {
            _recipients.Add(match.Groups["address"].Value);
            await ReplyAsync("250 2.1.5 OK");
        }
    }

    private async Task DataAsync(CancellationToken stopping)
    {
        if (_from is null || _recipients.Count == 0)
        {
            await ReplyAsync("503 5.5.1 RCPT first");
            return;
        }

        if (_listener.TakeFailure() is { } code)
        {
            ResetTransaction();
            await ReplyAsync(code < 500 ? $"{code} 4.3.0 Try again later" : $"{code} 5.3.0 Refused");
            return;
        }

        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(stopping) is { } line && line != ".")
        {
            // Dot-stuffing (RFC 5321 section 4.5.2): the client doubled a leading dot so no data line reads as the end.
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        _listener.Received(new ReceivedEmail(_from, [.. _recipients], data.ToString(), _credential) { OverTls = _secured });
        ResetTransaction();
        await ReplyAsync("250 2.0.0 OK queued");
    }

    private async Task AuthenticateAsync(string argument, CancellationToken stopping)
    {
        var parts = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.Length > 0 ? parts[0].ToUpperInvariant() : "";
        var initial = parts.Length > 1 ? parts[1] : null;
        if (mechanism is not ("PLAIN" or "LOGIN"))
        {
            await ReplyAsync("504 5.5.4 Unrecognized authentication type");
            return;
        }

        SmtpCredential? credential;
        try
        {
            credential = mechanism == "PLAIN" ? await PlainAsync(initial, stopping) : await LoginAsync(initial, stopping);
        }
        catch (FormatException)
        {
            credential = null;
        }

        if (credential is null)
        {
            await ReplyAsync("501 5.5.2 Authentication cancelled or malformed");
            return;
        }

        _credential = credential;
        _listener.Authenticated(credential);
        await ReplyAsync("235 2.7.0 Authentication successful");
    }

    /// <summary>RFC 4616: one base64 string of authorisation id, user and password, separated by NULs.</summary>
    private async Task<SmtpCredential?> PlainAsync(string? initial, CancellationToken stopping)
    {
        var response = initial ?? await ChallengeAsync("", stopping);
        var fields = response is null ? [] : FromBase64(response).Split('\0');
        return fields.Length == 3 ? new SmtpCredential("PLAIN", fields[1], fields[2]) : null;
    }

    /// <summary>The LOGIN mechanism: user name and password asked for one at a time (the user name may come with the command).</summary>
    private async Task<SmtpCredential?> LoginAsync(string? initial, CancellationToken stopping)
    {
        var user = initial ?? await ChallengeAsync("VXNlcm5hbWU6", stopping);
        var password = user is null ? null : await ChallengeAsync("UGFzc3dvcmQ6", stopping);
        return user is null || password is null ? null : new SmtpCredential("LOGIN", FromBase64(user), FromBase64(password));
    }

    /// <summary>Sends a 334 challenge; null when the client cancels with "*".</summary>
    private async Task<string?> ChallengeAsync(string challenge, CancellationToken stopping)
    {
        await ReplyAsync($"334 {challenge}");
        var response = await _reader.ReadLineAsync(stopping);
        return response is null or "*" ? null : response;
    }

    private static string FromBase64(string value) => Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));

    private void ResetTransaction()
    {
        _from = null;
        _recipients.Clear();
    }

    private async Task ReplyAsync(params string[] lines)
    {
        foreach (var line in lines)
        {
            await _writer.WriteLineAsync(line);
        }
    }

    [GeneratedRegex(@"^FROM:\s*<(?<address>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex MailFromPattern();

    [GeneratedRegex(@"^TO:\s*<(?<address>[^>]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientPattern();
}
