using System.Net.Mail;
using Forma.Data;
using Forma.Testing;
using Forma.Testing.Mail;
using Forma.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using static Forma.Web.Tests.Mail.MailTestKit;

namespace Forma.Web.Tests.Mail;

/// <summary>Email queued in the outbox reaches a real SMTP server through the job worker.</summary>
public class SmtpDeliveryTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task QueuedForATenant_ArrivesWithRecipientSubjectBodiesSenderAndCredentials(DatabaseProvider provider)
    {
        await using var listener = new SmtpListener();
        await using var host = await StartAsync(provider, listener, credentials: ("relay-user", "relay-secret"));
        var (tenantId, _) = await host.CreateTenantAsync();
        var message = new EmailMessage("ada@example.com", "Confirm your email ✓", "Hello Ada,\r\nconfirm here: https://forma.test/verify?token=abc",
            HtmlBody: "<p>Hello Ada, <a href=\"https://forma.test/verify?token=abc\">confirm</a></p>", Link: "https://forma.test/verify?token=abc");

        var jobId = await EnqueueAsync(host, message, tenantId);

        var received = await listener.WaitForMessageAsync(m => m.Recipients.Contains("ada@example.com"), Wait);
        var from = new MailAddress(received.Header("From")!);
        Assert.Equal(("mail@forma.test", "Forma Tests", "mail@forma.test"), (received.EnvelopeFrom, from.DisplayName, from.Address));
        Assert.Equal("ada@example.com", Assert.Single(received.Recipients));
        Assert.Equal("Confirm your email ✓", received.Subject);
        Assert.Equal(message.TextBody, received.TextBody?.TrimEnd());
        Assert.Equal(message.HtmlBody, received.HtmlBody?.TrimEnd());
        Assert.Equal(message.Link, MailLinks.First(received.TextBody));
        Assert.Equal($"<{jobId:N}@forma.test>", received.Header("Message-ID"));
        // The relay offers PLAIN and LOGIN; MailKit picks PLAIN (RFC 4616), the one that needs a single round trip.
        Assert.Equal(new SmtpCredential("PLAIN", "relay-user", "relay-secret"), received.Credential);
        Assert.Equal(tenantId, (await WaitForSuccessAsync(host, jobId)).TenantId);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RefusedByTheServer_IsRetried_AndArrivesOnTheNextAttempt(DatabaseProvider provider)
    {
        await using var listener = new SmtpListener();
        listener.FailNextMessages(1);
        await using var host = await StartAsync(provider, listener);

        var jobId = await EnqueueAsync(host, Message("Try again"));

        var received = await listener.WaitForMessageAsync(m => m.Subject == "Try again", Wait);
        var job = await WaitForSuccessAsync(host, jobId);
        Assert.Equal((1, 2), (listener.Refused, job.Attempts));
        Assert.Null(received.Credential);
        Assert.Equal($"<{jobId:N}@forma.test>", received.Header("Message-ID"));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task EnqueuedThenNotCommitted_SendsNothing(DatabaseProvider provider)
    {
        await using var listener = new SmtpListener();
        await using var host = await StartAsync(provider, listener);

        var (discarded, discardedDb) = Scope(host);
        await using (discarded)
        {
            discardedDb.EnqueueEmail(Message("Never saved"), DateTime.UtcNow);
        }

        var (rolledBack, rolledBackDb) = Scope(host);
        await using (rolledBack)
        {
            await using var transaction = await rolledBackDb.Database.BeginTransactionAsync();
            rolledBackDb.EnqueueEmail(Message("Rolled back"), DateTime.UtcNow);
            await rolledBackDb.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A message committed after both shows the worker was running; by the time it arrives, the
        // worker has looked at the queue and would have found the others too.
        var control = await EnqueueAsync(host, Message("Committed"));
        await listener.WaitForMessageAsync(m => m.Subject == "Committed", Wait);
        await WaitForSuccessAsync(host, control);

        Assert.Equal(["Committed"], listener.Messages.Select(m => m.Subject));
        var (scope, db) = Scope(host);
        await using (scope)
        {
            Assert.Equal([control], await db.BackgroundJobs.Where(j => j.Type == SendEmail.JobType).Select(j => j.Id).ToListAsync());
        }
    }

    [Theory]
    [InlineData("not an address", "Subject")]
    [InlineData("two@example.com, people@example.com", "Subject")]
    [InlineData("Ada <ada@example.com>", "Subject")]
    [InlineData("ada@example.com", "Subject\r\nBcc: everyone@example.com")]
    [InlineData("ada@example.com", " ")]
    public async Task Enqueue_WithABadRecipientOrSubject_IsRefusedBeforeAnythingIsQueued(string to, string subject)
    {
        await using var host = await WebHost.StartAsync();
        var (scope, db) = Scope(host);
        await using (scope)
        {
            Assert.Throws<ArgumentException>(() => db.EnqueueEmail(new EmailMessage(to, subject, "Body"), DateTime.UtcNow));
            Assert.Empty(db.ChangeTracker.Entries());
        }
    }
}
