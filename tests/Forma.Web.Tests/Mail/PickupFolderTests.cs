using Forma.Data;
using Forma.Testing;
using Forma.Testing.Mail;
using Forma.Web.Infrastructure.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Forma.Web.Tests.Mail.MailTestKit;

namespace Forma.Web.Tests.Mail;

/// <summary>Without an SMTP host, mail becomes .eml files in the pickup folder and its link goes to the log.</summary>
public sealed class PickupFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "forma-tests", "mail-" + Guid.NewGuid().ToString("N")[..12]);

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task WithoutSmtpHost_TheEmailIsWrittenToThePickupFolder(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider, pickupFolder: _folder);
        var message = new EmailMessage("ada@example.com", "Reset your password — Forma", "Reset it here: https://forma.test/reset?token=xyz", Link: "https://forma.test/reset?token=xyz");

        var jobId = await EnqueueAsync(host, message);
        await WaitForSuccessAsync(host, jobId);

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        Assert.Equal($"{jobId:N}.eml", Path.GetFileName(file));
        var mail = ParsedMail.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal(("Reset your password — Forma", message.TextBody), (mail.Subject, mail.TextBody?.TrimEnd()));
        Assert.Equal($"<{jobId:N}@forma.test>", mail.Header("Message-ID"));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_folder, ".staging")));
    }

    [Fact]
    public async Task Send_LogsRecipientSubjectPathAndLink_AndARetryReplacesTheFile()
    {
        var options = Options.Create(new MailOptions { From = From, PickupFolder = _folder });
        var logger = new ListLogger<PickupFolderMailTransport>();
        var transport = new PickupFolderMailTransport(new MailComposer(options), options, logger);
        var id = Guid.CreateVersion7();
        var message = new EmailMessage("ada@example.com", "Join Forma", "Accept: https://forma.test/invite/1", Link: "https://forma.test/invite/1");

        await transport.SendAsync(message, id, CancellationToken.None);
        await transport.SendAsync(message, id, CancellationToken.None);

        var path = Path.Combine(_folder, $"{id:N}.eml");
        Assert.Equal([path], Directory.GetFiles(_folder, "*.eml"));
        var entry = logger.Entries[^1];
        Assert.Equal(("ada@example.com", "Join Forma", path, "https://forma.test/invite/1"),
            (entry["Recipient"], entry["Subject"], entry["Path"], entry["Link"]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Keeps each entry's structured properties, which is what the JSON logs would carry.</summary>
    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<Dictionary<string, object?>> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value));
    }
}
