using Forma.Testing.Mail;
using Forma.Web.Tests.Mail;

namespace Forma.Web.Tests.Accounts;

/// <summary>Reads the one-time token out of the link in an email that reached the test SMTP server.</summary>
internal static class MailedLinks
{
    public static async Task<(ReceivedEmail Email, string Token)> TokenMailedToAsync(SmtpListener listener, string to, string subjectContains)
    {
        var email = await listener.WaitForMessageAsync(m => m.Recipients.Contains(to) && m.Subject!.Contains(subjectContains, StringComparison.Ordinal), MailTestKit.Wait);
        var link = MailLinks.First(email.TextBody) ?? throw new InvalidOperationException("The email has no link.");
        var query = new Uri(link).Query;
        const string key = "?token=";
        Assert.StartsWith(key, query, StringComparison.Ordinal);
        return (email, Uri.UnescapeDataString(query[key.Length..]));
    }
}
