using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>Builds the MIME message both transports send.</summary>
internal sealed class MailComposer(IOptions<MailOptions> options)
{
    private readonly MailboxAddress _from = options.Value.FromAddress();

    public MimeMessage Compose(EmailMessage email, Guid id)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            // Delivery is at least once: a send that succeeded but whose job could not record it is sent
            // again. The same Message-ID on every attempt lets the receiving side drop the duplicate.
            MessageId = $"{id:N}@{_from.Domain}",
        };
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(email.To));
        var text = Part(TextFormat.Plain, email.TextBody);
        message.Body = email.HtmlBody is { } html ? new MultipartAlternative { text, Part(TextFormat.Html, html) } : text;
        return message;
    }

    // Quoted-printable keeps mostly-ASCII text readable in a .eml file or a relay's log; base64 would not.
    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(System.Text.Encoding.UTF8, content);
        return part;
    }
}
