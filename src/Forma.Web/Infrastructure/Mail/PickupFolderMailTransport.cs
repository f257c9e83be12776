using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>
/// The sender when no SMTP host is configured (development, demos): each message becomes a <c>.eml</c>
/// file any mail program opens, and its action link goes to the log so it can be followed from there.
/// </summary>
internal sealed partial class PickupFolderMailTransport(MailComposer composer, IOptions<MailOptions> options, ILogger<PickupFolderMailTransport> logger) : IMailTransport
{
    private readonly string _folder = options.Value.PickupFolder;

    public async Task SendAsync(EmailMessage message, Guid id, CancellationToken cancellationToken)
    {
        // Written in a staging folder, then renamed after the job id (time-ordered, so the folder lists oldest
        // first): a retried job replaces its file rather than adding a second, and no reader sees a half-written one.
        var staging = Directory.CreateDirectory(Path.Combine(_folder, ".staging", Guid.NewGuid().ToString("N")));
        try
        {
            var written = Path.Combine(staging.FullName, $"{id:N}.eml");
            using (var mail = composer.Compose(message, id))
            {
                await mail.WriteToAsync(written, cancellationToken);
            }

            var path = Path.Combine(_folder, $"{id:N}.eml");
            File.Move(written, path, overwrite: true);
            LogWritten(message.To, message.Subject, path, message.Link);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP host is configured: email to {Recipient} ({Subject}) was written to {Path}; its link is {Link}")]
    private partial void LogWritten(string recipient, string subject, string path, string? link);
}
