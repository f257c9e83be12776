using Forma.Data.BackgroundJobs;

namespace Forma.Web.Infrastructure.Mail;

/// <summary>
/// The job that sends one email. Sending is an effect outside the database, so it is its own job: the
/// change that causes it commits the job, and a failed send is retried without redoing the change.
/// </summary>
public sealed record SendEmail(EmailMessage Message) : IJobPayload
{
    public static string JobType => "mail.send";
}
