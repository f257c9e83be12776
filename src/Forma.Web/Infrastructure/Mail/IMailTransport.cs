namespace Forma.Web.Infrastructure.Mail;

/// <summary>Hands messages on for delivery.</summary>
public interface IMailTransport
{
    /// <summary>Throws when the message could not be handed on, so the job is retried with back-off.</summary>
    /// <param name="id">The same on every attempt of one job, so a retry can be told from a new message.</param>
    Task SendAsync(EmailMessage message, Guid id, CancellationToken cancellationToken);
}
