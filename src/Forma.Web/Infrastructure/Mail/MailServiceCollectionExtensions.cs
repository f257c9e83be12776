using Forma.Data.BackgroundJobs;
using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers outbox-queued email: the <c>mail.send</c> job and its sender, SMTP when <c>Mail:Smtp:Host</c>
    /// is set and the pickup folder otherwise.
    /// </summary>
    /// <param name="contentRootPath">Where a relative pickup folder is resolved.</param>
    public static IServiceCollection AddFormaMail(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        options.Validate();
        options.PickupFolder = Path.GetFullPath(options.PickupFolder, contentRootPath);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<MailComposer>();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            services.AddSingleton<IMailTransport, PickupFolderMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }

        services.AddJobHandler<SendEmail, SendEmailHandler>();
        return services;
    }
}
