using System.Threading.RateLimiting;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Features.Accounts;

/// <summary>The <c>RateLimits:Auth</c> section: requests per client IP to sign-up, sign-in and refresh.</summary>
public sealed class AuthRateLimitOptions
{
    public const string Section = "RateLimits:Auth";

    public int PermitLimit { get; set; } = 20;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Throttles credential endpoints per client IP. The counters live in each instance's memory, so N
/// instances allow up to N times the limit; the per-account lockout (in the database) is the shared,
/// exact control. Behind a proxy, configure forwarded headers so the client's IP is the one counted.
/// </summary>
public static class AuthRateLimits
{
    public const string Policy = "auth";

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthRateLimitOptions.Section).Get<AuthRateLimitOptions>() ?? new AuthRateLimitOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = AccountRateLimiter.RetryAfterSeconds(retryAfter);
                }

                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = ProblemTypes.TooManyRequests,
                        Title = "Too many attempts.",
                        Detail = $"At most {options.PermitLimit} requests per {options.Window.TotalSeconds:0} seconds; wait and try again.",
                    },
                });
            };
        });
    }
}
