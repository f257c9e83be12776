using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Forma.Web.Tests.Accounts;

public class AccountRetryAfterTests
{
    /// <summary>The per-account window is one minute from the first attempt, so the wait is at most 60 s and, a moment later, not much less.</summary>
    [Fact]
    public async Task SignInsOverTheAccountLimit_Answer429WithRetryAfterInSeconds()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["RateLimits:Account:SignInsPerMinute"] = "1" });
        var email = $"someone-{Guid.NewGuid():N}@example.com";

        using var first = await host.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-123" });
        using var second = await host.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-123" });

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.TooManyRequests, "too-many-requests");
        var seconds = int.Parse(second.Headers.GetValues("Retry-After").Single(), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 45, 60);
    }
}
