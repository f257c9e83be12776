using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using Forma.Testing.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Accounts.MailedLinks;

namespace Forma.Web.Tests.Accounts;

/// <summary>Email verification and password reset, end to end: the link arrives at a real SMTP server and is used over HTTP.</summary>
public class EmailFlowTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Signup_MailsAVerificationLink_ThatConfirmsTheAddressOnce(DatabaseProvider provider)
    {
        await using var listener = new SmtpListener();
        await using var host = await Mail.MailTestKit.StartAsync(provider, listener);
        await SignupAsync(host, email: "vera@example.com");

        var (email, token) = await TokenMailedToAsync(listener, "vera@example.com", "Confirm your email");
        Assert.StartsWith("http://localhost:5080/verify-email?token=", MailLinks.First(email.TextBody), StringComparison.Ordinal);
        Assert.Null(await VerifiedAtAsync(host, "vera@example.com"));

        // Once sent, the queued job no longer holds the link's secret.
        var sent = await Mail.MailTestKit.WaitForSuccessAsync(host, await MailJobIdAsync(host));
        Assert.DoesNotContain(token, sent.Payload, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token })).StatusCode);
        Assert.NotNull(await VerifiedAtAsync(host, "vera@example.com"));
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token }), HttpStatusCode.Unauthorized, "invalid-token");
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsJsonAsync("/api/v1/auth/email/verify", new { token = token[..^2] + "xx" }), HttpStatusCode.Unauthorized, "invalid-token");
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task PasswordReset_AnswersAlike_MailsOnlyRealAccounts_AndEndsEverySession(DatabaseProvider provider)
    {
        await using var listener = new SmtpListener();
        await using var host = await Mail.MailTestKit.StartAsync(provider, listener);
        var signup = await SignupAsync(host, email: "rita@example.com");

        using var unknown = await host.Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "nobody@example.com" });
        using var known = await host.Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "Rita@Example.com" });
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (unknown.StatusCode, known.StatusCode));
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());

        var (_, token) = await TokenMailedToAsync(listener, "rita@example.com", "Reset your Forma password");
        var weak = await host.Client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "rita@example.com" });
        var body = await ProblemAssert.IsProblemAsync(weak, HttpStatusCode.BadRequest, "validation");
        Assert.True(body.GetProperty("errors").TryGetProperty("newPassword", out _));

        const string newPassword = "Hill-Repeats-On-Sunday-7";
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword })).StatusCode);
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = newPassword + "!" }), HttpStatusCode.Unauthorized, "invalid-token");

        // The old password and the old session are gone; the new password works.
        await ProblemAssert.IsProblemAsync(await LoginAsync(host, "rita@example.com", Password), HttpStatusCode.Unauthorized, "invalid-credentials");
        await ProblemAssert.IsProblemAsync(await RefreshAsync(host, signup.Text("refreshToken")), HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await ProblemAssert.IsProblemAsync(await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/me", signup.Text("accessToken"))), HttpStatusCode.Unauthorized, "session-ended");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(host, "rita@example.com", newPassword)).StatusCode);

        await Task.Delay(500); // give a wrongly sent second email time to arrive
        Assert.DoesNotContain(listener.Messages, m => m.Recipients.Contains("nobody@example.com"));
        Assert.Single(listener.Messages, m => m.Subject == "Reset your Forma password");
    }

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_AndEndsTheOtherSessions()
    {
        await using var host = await WebHost.StartAsync();
        var first = await SignupAsync(host, email: "cleo@example.com");
        var second = await (await LoginAsync(host, "cleo@example.com", Password)).Content.ReadFromJsonAsync<JsonElement>();

        var wrong = WithToken(HttpMethod.Put, "/api/v1/auth/password", first.Text("accessToken"));
        wrong.Content = JsonContent.Create(new { currentPassword = "not-my-password", newPassword = "Fartlek-Friday-Fun-99" });
        await ProblemAssert.IsProblemAsync(await host.Client.SendAsync(wrong), HttpStatusCode.Unauthorized, "invalid-credentials");

        var change = WithToken(HttpMethod.Put, "/api/v1/auth/password", first.Text("accessToken"));
        change.Content = JsonContent.Create(new { currentPassword = Password, newPassword = "Fartlek-Friday-Fun-99" });
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(change)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/me", first.Text("accessToken")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/me", second.Text("accessToken")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(host, "cleo@example.com", "Fartlek-Friday-Fun-99")).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_ForOneAccount_IsThrottled()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["RateLimits:Account:ResetRequestsPerHour"] = "3" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await host.Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "target@example.com" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        using var other = await host.Client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = "someone-else@example.com" });
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    private static async Task<Guid> MailJobIdAsync(WebHost host)
    {
        await using var data = host.OpenDb();
        return await data.Db.BackgroundJobs.Where(j => j.Type == "mail.send").Select(j => j.Id).SingleAsync();
    }

    private static async Task<DateTime?> VerifiedAtAsync(WebHost host, string email)
    {
        await using var data = host.OpenDb();
        return await data.Db.Users.Where(u => u.Email == email).Select(u => u.EmailVerifiedAt).SingleAsync();
    }
}
