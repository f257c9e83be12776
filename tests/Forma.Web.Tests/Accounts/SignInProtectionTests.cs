using System.Net;
using System.Text.Json;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Accounts;

public class SignInProtectionTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task BurstOfWrongPasswords_LocksTheAccountForAWhile_AndIsAudited(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(provider, clock: clock);
        var signup = await SignupAsync(host, email: "ada@example.com");

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await LoginAsync(host, "ada@example.com", "not the password " + i);
            await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        // Locked: even the right password is answered like a wrong one.
        using (var locked = await LoginAsync(host, "ada@example.com", Password))
        {
            await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        using (var later = await LoginAsync(host, "ada@example.com", Password))
        {
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }

        await using var scope = host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Guid.Parse(signup.Text("tenantId")));
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        var actions = await db.AuditEvents.Select(e => e.Action).ToListAsync();
        Assert.Equal(5, actions.Count(a => a == "session.sign-in-failed"));
        Assert.Equal(1, actions.Count(a => a == "account.locked"));
        Assert.Equal(1, actions.Count(a => a == "session.sign-in-while-locked"));
        var failure = await db.AuditEvents.FirstAsync(e => e.Action == "session.sign-in-failed");
        Assert.Equal("127.0.0.1", JsonDocument.Parse(failure.Details!).RootElement.GetProperty("ip").GetString());
    }

    /// <summary>Guesses sent in parallel each count: the counter is incremented in the database, not read-modified-written.</summary>
    [Fact]
    public async Task ParallelWrongPasswords_AllCount_AndLockTheAccount()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["RateLimits:Auth:PermitLimit"] = "100", ["RateLimits:Account:SignInsPerMinute"] = "100" });
        await SignupAsync(host, email: "ada@example.com");

        var guesses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => LoginAsync(host, "ada@example.com", "guess number " + i)));
        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.Unauthorized, g.StatusCode));

        using var right = await LoginAsync(host, "ada@example.com", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task ManySignInsFromOneAddress_AreThrottledWith429()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["RateLimits:Auth:PermitLimit"] = "3" });

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await LoginAsync(host, "nobody@example.com", "whatever-password");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var throttled = await LoginAsync(host, "nobody@example.com", "whatever-password");
        await ProblemAssert.IsProblemAsync(throttled, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.True(throttled.Headers.RetryAfter is not null);
    }

    /// <summary>Guesses at one account from many addresses (a botnet) meet the per-account limit; other accounts are unaffected.</summary>
    [Fact]
    public async Task ManySignInsToOneAccount_AreThrottledWith429_WhateverTheAddress()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["RateLimits:Auth:PermitLimit"] = "100", ["RateLimits:Account:SignInsPerMinute"] = "3" });

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await LoginAsync(host, "target@example.com", "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        await ProblemAssert.IsProblemAsync(await LoginAsync(host, "Target@Example.com", "guess-4"), HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(host, "someone-else@example.com", "guess")).StatusCode);
    }
}
