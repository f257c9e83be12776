using System.Text.Json;
using Forma.Data.BackgroundJobs;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>
/// Sends a queued email. The job id becomes the Message-ID, so every attempt of one job carries the same
/// one. A failure propagates: the runner retries with back-off and dead-letters after the last attempt.
/// It runs before the job's transaction opens (<see cref="IRunsOutsideTransaction"/>).
/// </summary>
internal sealed class SendEmailHandler(IMailTransport transport) : IJobHandler<SendEmail>, IRunsOutsideTransaction
{
    public async Task HandleAsync(SendEmail payload, JobContext context, CancellationToken cancellationToken)
    {
        await transport.SendAsync(payload.Message, context.JobId, cancellationToken);

        // The body carries a one-time link (reset, invitation); once sent, the queue keeps only who and
        // what, so finished jobs kept for a week hold no usable secret. (Runs outside the job's transaction:
        // the SMTP conversation must not hold a database transaction open.)
        var redacted = JsonSerializer.Serialize(new { redacted = true, to = payload.Message.To, subject = payload.Message.Subject });
        await context.Db.BackgroundJobs.Where(j => j.Id == context.JobId)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Payload, redacted), cancellationToken);
    }
}
