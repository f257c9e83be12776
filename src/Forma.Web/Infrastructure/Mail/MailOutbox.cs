using System.Net.Mail;
using Forma.Data;
using Forma.Data.BackgroundJobs;

namespace Forma.Web.Infrastructure.Mail;

public static class MailOutbox
{
    /// <summary>
    /// Queues <paramref name="message"/> in the outbox: it is sent only if the caller's <c>SaveChanges</c>
    /// commits, and at least once after that. The message is checked here, where the caller can still
    /// answer a bad address, because a job that can never be sent would only retry to the dead letters.
    /// </summary>
    public static BackgroundJob EnqueueEmail(this FormaDbContext db, EmailMessage message, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A bare address only: MailAddress also accepts "a@x.com, b@y.com", reading the first as a display name.
        if (!MailAddress.TryCreate(message.To, out var to) || to.Address != message.To || to.DisplayName.Length > 0)
        {
            throw new ArgumentException($"'{message.To}' is not one email address.", nameof(message));
        }

        // A line break in a header would let the text add headers of its own (header injection).
        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("An email needs a one-line subject.", nameof(message));
        }

        return db.Enqueue(new SendEmail(message), now);
    }
}
