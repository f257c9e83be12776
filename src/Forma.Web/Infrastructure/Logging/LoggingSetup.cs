using Microsoft.Extensions.Logging.Console;

namespace Forma.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// One JSON object per line on stdout, with the log scopes: ASP.NET Core's request scope (RequestId,
    /// TraceId, RequestPath) and ours (TenantId, JobId). Message templates are static, so every value is a
    /// named property a log store can index. Request bodies and EF Core parameter values are never logged.
    /// </summary>
    public static ILoggingBuilder AddFormaLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new() { Indented = false };
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
        return logging;
    }

    /// <summary>
    /// Echoes the request id so a user's report ("it failed, id 0HN…") finds the log lines. Set as the
    /// response starts, because the exception handler clears headers written earlier.
    /// </summary>
    public static IApplicationBuilder UseRequestIdHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
