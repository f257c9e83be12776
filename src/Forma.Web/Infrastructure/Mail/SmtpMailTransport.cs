using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>Delivers through the relay in <c>Mail:Smtp</c>, one connection per message.</summary>
internal sealed class SmtpMailTransport(MailComposer composer, IOptions<MailOptions> options) : IMailTransport
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public async Task SendAsync(EmailMessage message, Guid id, CancellationToken cancellationToken)
    {
        using var mail = composer.Compose(message, id);
        using var client = new SmtpClient(_smtp.Host, _smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = _smtp.StartTls,
            Timeout = (int)_smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(_smtp.Username))
        {
            client.Credentials = new NetworkCredential(_smtp.Username, _smtp.Password);
        }

        // SmtpClient.Timeout governs only the synchronous Send; the asynchronous send needs a token.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_smtp.Timeout);
        try
        {
            await client.SendMailAsync(mail, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {_smtp.Host}:{_smtp.Port} did not take the message within {_smtp.Timeout}.");
        }
    }
}
