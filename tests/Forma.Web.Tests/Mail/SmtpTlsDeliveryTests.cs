using System.Globalization;
using Forma.Data;
using Forma.Testing.Mail;
using Forma.Web.Infrastructure.Mail;
using static Forma.Web.Tests.Mail.MailTestKit;

namespace Forma.Web.Tests.Mail;

/// <summary>Mail to a relay that speaks TLS: from the first byte (port 465) or after STARTTLS (port 587), credentials only inside it.</summary>
public class SmtpTlsDeliveryTests
{
    [Theory]
    [InlineData(SmtpTls.Implicit)]
    [InlineData(SmtpTls.StartTls)]
    public async Task ToATlsRelay_ArrivesOverTls_WithTheCredentialsInsideIt(SmtpTls tls)
    {
        await using var listener = new SmtpListener(tls);
        await using var host = await WebHost.StartAsync(DatabaseProvider.Sqlite, new()
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:PollInterval"] = "00:00:00.100",
            ["Jobs:RetryBaseDelay"] = "00:00:00.200",
            ["Mail:From"] = From,
            ["Mail:Smtp:Host"] = SmtpListener.Host,
            ["Mail:Smtp:Port"] = listener.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:ImplicitTls"] = (tls == SmtpTls.Implicit).ToString(),
            ["Mail:Smtp:StartTls"] = "true",
            ["Mail:Smtp:ServerCertificateThumbprint"] = TestCertificate.Sha256(listener.Certificate!),
            ["Mail:Smtp:Username"] = "relay-user",
            ["Mail:Smtp:Password"] = "relay-secret",
        });
        var message = new EmailMessage("ada@example.com", "Über TLS ✓", "Hello Ada,\r\nconfirm here: https://forma.test/verify?token=tls");

        var jobId = await EnqueueAsync(host, message);

        var received = await listener.WaitForMessageAsync(m => m.Recipients.Contains("ada@example.com"), Wait);
        Assert.True(received.OverTls);
        Assert.Equal(("Über TLS ✓", message.TextBody), (received.Subject, received.TextBody?.TrimEnd()));
        Assert.Equal(("relay-user", "relay-secret"), (received.Credential?.Username, received.Credential?.Password));
        Assert.Equal($"<{jobId:N}@forma.test>", received.Header("Message-ID"));
        await WaitForSuccessAsync(host, jobId);
    }
}
