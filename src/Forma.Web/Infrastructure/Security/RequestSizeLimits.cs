using System.Globalization;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Forma.Web.Infrastructure.Security;

/// <summary>
/// Kestrel refuses an over-long request line (414) or header block (431) by itself, before any middleware runs, so
/// its answer has an empty body. Kestrel's own limits are therefore set <see cref="KestrelHeadroom"/> times above the
/// limits callers are held to, and those are enforced here, where the refusal is a problem-details body naming the
/// limit (or a page for a browser). Requests beyond even Kestrel's raised limits still get its bare answer.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>Kestrel's own default for the request line, kept as the limit callers see.</summary>
    public const int MaxRequestTargetLength = 8 * 1024;

    /// <summary>Kestrel's own default for all request headers together, kept as the limit callers see.</summary>
    public const int MaxHeadersTotalSize = 32 * 1024;

    public const int KestrelHeadroom = 4;

    public static IServiceCollection AddRequestSizeLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = MaxRequestTargetLength * KestrelHeadroom;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeadersTotalSize * KestrelHeadroom;
        });

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path + context.Request.QueryString).ToString();
            if (target.Length > MaxRequestTargetLength)
            {
                await context.WriteProblemAsync(StatusCodes.Status414UriTooLong, ProblemTypes.For("uri-too-long"), "The address is too long.",
                    $"The address (path and query) is {Count(target.Length)} characters; at most {Count(MaxRequestTargetLength)} are accepted. Send long input in the request body.");
                return;
            }

            var headerSize = HeaderSize(context.Request.Headers);
            if (headerSize > MaxHeadersTotalSize)
            {
                await context.WriteProblemAsync(StatusCodes.Status431RequestHeaderFieldsTooLarge, ProblemTypes.For("headers-too-large"), "The request headers are too large.",
                    $"The headers take {Count(headerSize)} bytes; at most {Count(MaxHeadersTotalSize)} are accepted. An oversized cookie is the usual cause: clear this site's cookies.");
                return;
            }

            await next(context);
        });

    /// <summary>As on the wire: "name: value\r\n" for every value.</summary>
    private static int HeaderSize(IHeaderDictionary headers) =>
        headers.Sum(header => header.Value.Sum(value => header.Key.Length + 2 + (value?.Length ?? 0) + 2));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
