using System.Globalization;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Testing.Mail;
using Forma.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Tests.Mail;

/// <summary>The app with its job worker on and polling fast, and ways to queue mail and watch the job that sends it.</summary>
internal static class MailTestKit
{
    public const string From = "Forma Tests <mail@forma.test>";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Mail goes to <paramref name="listener"/> over SMTP, or to <paramref name="pickupFolder"/> when there is no listener.</summary>
    public static Task<WebHost> StartAsync(DatabaseProvider provider, SmtpListener? listener = null, string? pickupFolder = null, (string User, string Password)? credentials = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:PollInterval"] = "00:00:00.100",
            ["Jobs:RetryBaseDelay"] = "00:00:00.200",
            ["Mail:From"] = From,
        };
        if (pickupFolder is not null)
        {
            settings["Mail:PickupFolder"] = pickupFolder;
        }

        if (listener is not null)
        {
            settings["Mail:Smtp:Host"] = SmtpListener.Host;
            settings["Mail:Smtp:Port"] = listener.Port.ToString(CultureInfo.InvariantCulture);
            // The listener speaks plain SMTP; production relays get STARTTLS by default.
            settings["Mail:Smtp:StartTls"] = "false";
        }

        if (credentials is var (user, password))
        {
            settings["Mail:Smtp:Username"] = user;
            settings["Mail:Smtp:Password"] = password;
        }

        return WebHost.StartAsync(provider, settings);
    }

    public static EmailMessage Message(string subject, string to = "ada@example.com") =>
        new(to, subject, $"Hello Ada, confirm here: https://forma.test/verify?token={subject.Length}", Link: $"https://forma.test/verify?token={subject.Length}");

    /// <summary>Queues <paramref name="message"/> and commits, for <paramref name="tenantId"/> or for the platform; returns the job id.</summary>
    public static async Task<Guid> EnqueueAsync(WebHost host, EmailMessage message, Guid? tenantId = null)
    {
        var (scope, db) = Scope(host, tenantId);
        await using (scope)
        {
            var job = db.EnqueueEmail(message, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return job.Id;
        }
    }

    public static DbScope Scope(WebHost host, Guid? tenantId = null) => host.OpenDb(tenantId);

    /// <summary>The job once it has succeeded. A message can arrive a moment before its job records the success.</summary>
    public static async Task<BackgroundJob> WaitForSuccessAsync(WebHost host, Guid jobId)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var (scope, db) = Scope(host);
            await using (scope)
            {
                var job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
                if (job.State == JobState.Succeeded || DateTime.UtcNow > deadline)
                {
                    Assert.Equal(JobState.Succeeded, job.State);
                    return job;
                }
            }

            await Task.Delay(50);
        }
    }
}
