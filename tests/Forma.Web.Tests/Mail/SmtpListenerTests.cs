using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Forma.Testing.Mail;

namespace Forma.Web.Tests.Mail;

/// <summary>The test SMTP server against .NET's own SmtpClient, so the app's tests can trust what it reports.</summary>
public class SmtpListenerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Send_WithCredentials_RecordsEnvelopeCredentialsAndDecodedContent()
    {
        await using var listener = new SmtpListener();
        using var message = new MailMessage("Sender <sender@forma.test>", "ada@example.com", "Welcome", "Hello Ada.");
        using var client = Client(listener);
        client.Credentials = new NetworkCredential("relay-user", "relay-pässword");

        await client.SendMailAsync(message);

        var received = Assert.Single(listener.Messages);
        Assert.Equal(("sender@forma.test", "ada@example.com", "Welcome", "Hello Ada."),
            (received.EnvelopeFrom, Assert.Single(received.Recipients), received.Subject, received.TextBody?.TrimEnd()));
        var from = new MailAddress(received.Header("From")!);
        Assert.Equal(("Sender", "sender@forma.test"), (from.DisplayName, from.Address));
        var expected = new SmtpCredential("LOGIN", "relay-user", "relay-pässword");
        Assert.Equal(expected, received.Credential);
        Assert.Equal(expected, Assert.Single(listener.Credentials));
    }

    [Fact]
    public async Task Base64Body_AndNonAsciiSubject_AreDecoded()
    {
        await using var listener = new SmtpListener();
        var subject = "Ünïcödé subject that is long enough to be split over several encoded words ✓ ✓ ✓ ✓";
        using var message = new MailMessage("sender@forma.test", "ada@example.com")
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = "Grüße — línea dos.\r\nSecond line.",
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        using var client = Client(listener);

        await client.SendMailAsync(message);

        var received = Assert.Single(listener.Messages);
        Assert.Contains("base64", received.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(subject, received.Subject);
        Assert.Equal("Grüße — línea dos.\r\nSecond line.", received.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task MultipartAlternative_TextBodyIsThePlainPart_AndLeadingDotsAreUnstuffed()
    {
        await using var listener = new SmtpListener();
        var text = ".starts with a dot\r\n..two dots\r\n.\r\nend";
        using var message = new MailMessage("sender@forma.test", "ada@example.com", "Both", text)
        {
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString("<p>Hello <b>Ada</b></p>", Encoding.UTF8, MediaTypeNames.Text.Html));
        using var client = Client(listener);

        await client.SendMailAsync(message);

        var received = Assert.Single(listener.Messages);
        Assert.Contains("multipart/alternative", received.Data, StringComparison.Ordinal);
        Assert.Equal(text, received.TextBody?.TrimEnd());
        Assert.Equal("<p>Hello <b>Ada</b></p>", received.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task FailNextMessages_RefusesWithTheCode_ThenAccepts()
    {
        await using var listener = new SmtpListener();
        listener.FailNextMessages(1);
        using var client = Client(listener);

        using (var first = new MailMessage("sender@forma.test", "ada@example.com", "First", "Refused."))
        {
            var refused = await Assert.ThrowsAsync<SmtpException>(() => client.SendMailAsync(first));
            Assert.Equal(SmtpStatusCode.LocalErrorInProcessing, refused.StatusCode);
        }

        using (var second = new MailMessage("sender@forma.test", "ada@example.com", "Second", "Accepted."))
        {
            await client.SendMailAsync(second);
        }

        Assert.Equal(1, listener.Refused);
        Assert.Equal(["Second"], listener.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task ConcurrentClients_AreAllServed_AndWaitFindsEachMessage()
    {
        await using var listener = new SmtpListener();
        var recipients = Enumerable.Range(1, 6).Select(i => $"person{i}@example.com").ToList();
        var waits = recipients.Select(r => listener.WaitForMessageAsync(m => m.Recipients.Contains(r), Wait)).ToList();

        await Task.WhenAll(recipients.Select(async recipient =>
        {
            using var message = new MailMessage("sender@forma.test", recipient, "Hi " + recipient, "Body");
            using var client = Client(listener);
            await client.SendMailAsync(message);
        }));

        var received = await Task.WhenAll(waits);
        Assert.Equal(recipients.Select(r => "Hi " + r), received.Select(m => m.Subject));
        Assert.Equal(6, listener.Messages.Count);
    }

    [Fact]
    public async Task WaitForMessage_WhenNothingMatches_TimesOutNamingWhatArrived()
    {
        await using var listener = new SmtpListener();
        using (var message = new MailMessage("sender@forma.test", "ada@example.com", "Other", "Body"))
        using (var client = Client(listener))
        {
            await client.SendMailAsync(message);
        }

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => listener.WaitForMessageAsync(m => m.Subject == "Never", TimeSpan.FromMilliseconds(200)));
        Assert.Contains("ada@example.com: Other", timeout.Message, StringComparison.Ordinal);
    }

    private static SmtpClient Client(SmtpListener listener) => new(SmtpListener.Host, listener.Port) { EnableSsl = false };
}
