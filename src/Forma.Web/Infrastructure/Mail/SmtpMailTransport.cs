using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>Delivers through the relay in <c>Mail:Smtp</c> with MailKit, one connection per message.</summary>
internal sealed class SmtpMailTransport(MailComposer composer, IOptions<MailOptions> options) : IMailTransport
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public async Task SendAsync(EmailMessage message, Guid id, CancellationToken cancellationToken)
    {
        using var mail = composer.Compose(message, id);
        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        if (_smtp.ServerCertificateThumbprint is { Length: > 0 } pinned)
        {
            // A private relay with its own certificate: trusted by its pinned SHA-256 fingerprint instead of a CA.
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && string.Equals(Convert.ToHexString(new X509Certificate2(certificate).GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)), pinned.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        }

        // The client's Timeout covers each read and write; the token bounds the whole conversation.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_smtp.Timeout);
        try
        {
            await client.ConnectAsync(_smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), _smtp.Port, Security(_smtp), timeout.Token);
            if (!string.IsNullOrEmpty(_smtp.Username))
            {
                await client.AuthenticateAsync(_smtp.Username, _smtp.Password ?? "", timeout.Token);
            }

            await client.SendAsync(mail, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {_smtp.Host}:{_smtp.Port} did not take the message within {_smtp.Timeout}.");
        }
    }

    /// <summary>Implicit TLS (port 465) wins; otherwise STARTTLS is required, never merely attempted, unless turned off.</summary>
    private static SecureSocketOptions Security(SmtpOptions smtp) =>
        smtp.ImplicitTls ? SecureSocketOptions.SslOnConnect
        : smtp.StartTls ? SecureSocketOptions.StartTls
        : SecureSocketOptions.None;
}
