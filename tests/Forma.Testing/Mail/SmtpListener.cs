using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Forma.Testing.Mail;

/// <summary>
/// A real SMTP server on a free loopback port, for tests that send mail over the network: enough of
/// RFC 5321 for an SMTP client (EHLO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT), plain or
/// with TLS (implicit, or STARTTLS per RFC 3207) under a test certificate, any number of connections at once.
/// It keeps what it receives and the credentials it was given.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    /// <summary>Where the listener listens, for <c>Mail:Smtp:Host</c>.</summary>
    public const string Host = "127.0.0.1";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<ReceivedEmail> _messages = [];
    private readonly List<SmtpCredential> _credentials = [];
    private readonly List<(Func<ReceivedEmail, bool> Match, TaskCompletionSource<ReceivedEmail> Found)> _waiters = [];
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _failuresLeft;
    private int _failureCode;
    private int _refused;

    public SmtpListener(SmtpTls tls = SmtpTls.None)
    {
        Tls = tls;
        Certificate = tls == SmtpTls.None ? null : TestCertificate.ForLoopback();
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public SmtpTls Tls { get; }

    /// <summary>The certificate the listener presents when it speaks TLS.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Messages accepted so far, oldest first.</summary>
    public IReadOnlyList<ReceivedEmail> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Every AUTH exchange that completed, on any connection.</summary>
    public IReadOnlyList<SmtpCredential> Credentials
    {
        get
        {
            lock (_lock)
            {
                return [.. _credentials];
            }
        }
    }

    /// <summary>How many messages were refused because of <see cref="FailNextMessages"/>.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Answers the next <paramref name="count"/> DATA commands with <paramref name="replyCode"/> (4xx: try later, 5xx: permanent) and keeps nothing.</summary>
    public void FailNextMessages(int count, int replyCode = 451)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replyCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replyCode, 599);
        lock (_lock)
        {
            _failuresLeft = count;
            _failureCode = replyCode;
        }
    }

    /// <summary>The first message, already received or still to come, that <paramref name="match"/> accepts.</summary>
    public async Task<ReceivedEmail> WaitForMessageAsync(Func<ReceivedEmail, bool> match, TimeSpan timeout)
    {
        var waiter = (Match: match, Found: new TaskCompletionSource<ReceivedEmail>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (_messages.FirstOrDefault(match) is { } received)
            {
                return received;
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var seen = string.Join("; ", Messages.Select(m => $"to {string.Join(",", m.Recipients)}: {m.Subject}"));
            throw new TimeoutException($"No matching message arrived within {timeout}. Received: [{seen}]; refused: {Refused}.");
        }
        finally
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The reply code to refuse the current message with, or null to accept it.</summary>
    internal int? TakeFailure()
    {
        lock (_lock)
        {
            if (_failuresLeft == 0)
            {
                return null;
            }

            _failuresLeft--;
            _refused++;
            return _failureCode;
        }
    }

    internal void Authenticated(SmtpCredential credential)
    {
        lock (_lock)
        {
            _credentials.Add(credential);
        }
    }

    internal void Received(ReceivedEmail message)
    {
        lock (_lock)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Match(message)))
            {
                waiter.Found.TrySetResult(message);
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            lock (_lock)
            {
                _sessions.RemoveAll(s => s.IsCompleted);
                _sessions.Add(new SmtpSession(this, client).RunAsync(_stopping.Token));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] sessions;
        lock (_lock)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions);
        _stopping.Dispose();
        Certificate?.Dispose();
    }
}

/// <summary>How the <see cref="SmtpListener"/> offers TLS.</summary>
public enum SmtpTls
{
    None,
    /// <summary>TLS from the first byte, as on port 465.</summary>
    Implicit,
    /// <summary>Plain at first, with STARTTLS advertised and required before mail is taken.</summary>
    StartTls,
}
