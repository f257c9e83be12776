using MimeKit;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender, with or without a display name.</summary>
    public string From { get; set; } = "Forma <no-reply@forma.local>";

    /// <summary>Where messages are written as <c>.eml</c> files while no SMTP host is set. A relative path is under the content root.</summary>
    public string PickupFolder { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public MailboxAddress FromAddress() =>
        MailboxAddress.TryParse(From, out var address) && address.Domain.Length > 0
            ? address
            : throw new InvalidOperationException($"{Section}:{nameof(From)} '{From}' is not an email address.");

    /// <summary>Stops the start-up on a value that would otherwise fail every send, hours later, in the job log.</summary>
    public void Validate()
    {
        _ = FromAddress();
        if (Smtp.Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{Section}:Smtp:Port {Smtp.Port} is not a TCP port.");
        }

        if (Smtp.Timeout <= TimeSpan.Zero || Smtp.Timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new InvalidOperationException($"{Section}:Smtp:Timeout {Smtp.Timeout} must be positive and under 24 days.");
        }
    }
}

/// <summary>The <c>Mail:Smtp</c> section: the relay that delivers mail. Without a host, mail goes to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>The submission port: 587 for STARTTLS, 465 with <see cref="ImplicitTls"/>.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before authenticating; refuse to send if the server cannot.</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>Speak TLS from the first byte (RFC 8314 submissions port, 465); takes precedence over <see cref="StartTls"/>.</summary>
    public bool ImplicitTls { get; set; }

    /// <summary>
    /// The relay certificate's SHA-256 fingerprint (hex, colons allowed), for a private relay whose certificate no public
    /// authority signed. Unset, the certificate must chain to a trusted authority and match the host name.
    /// </summary>
    public string? ServerCertificateThumbprint { get; set; }

    /// <summary>Credentials are sent only when a user name is set.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>A send that takes longer fails and is retried, so a stalled relay cannot hold a job until its lease runs out.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
