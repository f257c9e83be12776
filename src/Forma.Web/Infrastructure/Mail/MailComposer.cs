using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>Builds the MIME message both transports send.</summary>
internal sealed class MailComposer(IOptions<MailOptions> options)
{
    private readonly MailAddress _from = options.Value.FromAddress();

    public MailMessage Compose(EmailMessage email, Guid id)
    {
        var message = new MailMessage(_from, new MailAddress(email.To))
        {
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = email.TextBody,
            BodyEncoding = Encoding.UTF8,
            // Quoted-printable keeps mostly-ASCII text readable in a .eml file or a relay's log; base64 would not.
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };

        // Delivery is at least once: a send that succeeded but whose job could not record it is sent
        // again. The same Message-ID on every attempt lets the receiving side drop the duplicate.
        message.Headers.Add("Message-ID", $"<{id:N}@{_from.Host}>");
        if (email.HtmlBody is { } html)
        {
            var view = AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html);
            view.TransferEncoding = TransferEncoding.QuotedPrintable;
            message.AlternateViews.Add(view);
        }

        return message;
    }
}
