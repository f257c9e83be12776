using System.Threading.RateLimiting;
using Forma.Core;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Accounts;

/// <summary>The <c>RateLimits:Account</c> section: attempts per account (email), whichever IP they come from.</summary>
public sealed class AccountRateLimitOptions
{
    public const string Section = "RateLimits:Account";

    public int SignInsPerMinute { get; set; } = 10;
    public int ResetRequestsPerHour { get; set; } = 5;
    public int VerificationRequestsPerHour { get; set; } = 5;
}

/// <summary>
/// Throttles per account what the per-IP limits cannot: a botnet guessing one person's password from many
/// addresses, or someone flooding a person's inbox with reset links. Counts are kept per instance in
/// memory (the database lockout is the shared, exact control for sign-in). Unknown emails are counted
/// exactly like known ones, so a 429 says nothing about whether an account exists.
/// </summary>
public sealed class AccountRateLimiter : IDisposable
{
    public const string SignIns = "sign-in";
    public const string ResetRequests = "reset";
    public const string VerificationRequests = "verification";

    private readonly PartitionedRateLimiter<(string Kind, string Account)> _limiter;
    private readonly IHttpContextAccessor _http;

    public AccountRateLimiter(IOptions<AccountRateLimitOptions> options, IHttpContextAccessor http)
    {
        _http = http;
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<(string Kind, string Account), (string, string)>(key => RateLimitPartition.GetFixedWindowLimiter(key, k => k.Item1 switch
        {
            SignIns => Window(limits.SignInsPerMinute, TimeSpan.FromMinutes(1)),
            ResetRequests => Window(limits.ResetRequestsPerHour, TimeSpan.FromHours(1)),
            _ => Window(limits.VerificationRequestsPerHour, TimeSpan.FromHours(1)),
        }));
    }

    /// <summary>
    /// Takes one attempt from the account's window. A refusal also sets <c>Retry-After</c> on the current response
    /// (RFC 9110 §10.2.3, whole seconds until the window opens again), so every caller's 429 carries it.
    /// </summary>
    public bool TryAcquire(string kind, string account)
    {
        using var lease = _limiter.AttemptAcquire((kind, account.Trim().ToLowerInvariant()));
        if (!lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && _http.HttpContext is { } context)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        }

        return lease.IsAcquired;
    }

    /// <summary>Rounded up: a client that waits the advertised seconds must find the window open.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ProblemHttpResult TooMany() =>
        ProblemDetailsSetup.Problem(429, ProblemTypes.TooManyRequests, "Too many attempts for this account.", "Wait a while and try again.");

    /// <summary>The same refusal for a use case to throw.</summary>
    public static DomainException TooManyForAccount() =>
        new(RefusalKind.TooManyRequests, "too-many-requests", "Too many attempts for this account.", "Wait a while and try again.");

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };
}
