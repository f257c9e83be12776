using System.Net.Sockets;
using System.Text;
using Forma.Testing.Mail;

namespace Forma.Web.Tests.Mail;

/// <summary>The parts of the protocol SmtpClient does not use (AUTH PLAIN, RSET, NOOP, out-of-order commands), spoken by hand.</summary>
public class SmtpConversationTests
{
    [Fact]
    public async Task AuthPlain_RsetAndNoop_AreAnsweredAsRfc5321And4616Say()
    {
        await using var listener = new SmtpListener();
        using var client = new TcpClient();
        await client.ConnectAsync(SmtpListener.Host, listener.Port);
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        await using var writer = new StreamWriter(client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };

        async Task<string> SayAsync(string line)
        {
            await writer.WriteLineAsync(line);
            return (await reader.ReadLineAsync())![..3];
        }

        Assert.StartsWith("220", await reader.ReadLineAsync(), StringComparison.Ordinal);
        await writer.WriteLineAsync("EHLO tester");
        Assert.Equal("250-forma-test-smtp greets tester", await reader.ReadLineAsync());
        Assert.Equal("250 AUTH PLAIN LOGIN", await reader.ReadLineAsync());
        Assert.Equal("503", await SayAsync("RCPT TO:<ada@example.com>"));
        Assert.Equal("235", await SayAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0plain-user\0plain-secret"))));
        Assert.Equal("250", await SayAsync("NOOP"));
        Assert.Equal("250", await SayAsync("MAIL FROM:<sender@forma.test>"));
        Assert.Equal("250", await SayAsync("RCPT TO:<ada@example.com>"));
        Assert.Equal("250", await SayAsync("RSET"));
        Assert.Equal("503", await SayAsync("DATA"));
        Assert.Equal("502", await SayAsync("VRFY ada"));
        Assert.Equal("221", await SayAsync("QUIT"));

        Assert.Equal(new SmtpCredential("PLAIN", "plain-user", "plain-secret"), Assert.Single(listener.Credentials));
        Assert.Empty(listener.Messages);
    }
}
