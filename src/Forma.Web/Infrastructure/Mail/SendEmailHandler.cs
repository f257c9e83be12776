using Forma.Data.BackgroundJobs;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>
/// Sends a queued email. The job id becomes the Message-ID, so every attempt of one job carries the same
/// one. A failure propagates: the runner retries with back-off and dead-letters after the last attempt.
/// </summary>
internal sealed class SendEmailHandler(IMailTransport transport) : IJobHandler<SendEmail>
{
    public Task HandleAsync(SendEmail payload, JobContext context, CancellationToken cancellationToken) =>
        transport.SendAsync(payload.Message, context.JobId, cancellationToken);
}
