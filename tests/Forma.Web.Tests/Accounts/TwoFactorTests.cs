using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Testing;
using Forma.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Accounts;

public class TwoFactorTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Totp_IsAskedForAtSignIn_WrongCodesFail_AndARecoveryCodeWorksExactlyOnce(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        // Eleven credential checks for one account within a minute: above the per-account limit, which another test covers.
        await using var host = await WebHost.StartAsync(provider, new() { ["RateLimits:Account:SignInsPerMinute"] = "100" }, clock: clock);
        var signup = await SignupAsync(host, email: "ada@example.com");
        var token = signup.Text("accessToken");

        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp", token, new { password = "a stolen token is not enough" }), HttpStatusCode.Unauthorized, "invalid-credentials");
        using var enrol = await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp", token, new { password = Password });
        var enrolment = await enrol.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("<svg", enrolment.Text("qrCodeSvg"), StringComparison.Ordinal);
        Assert.Contains($"secret={enrolment.Text("secret")}", enrolment.Text("otpAuthUri"), StringComparison.Ordinal);
        var secret = Authenticator.Base32Decode(enrolment.Text("secret"));

        var wrongConfirm = await ConfirmAsync(host, token, Totp.Code(secret, Totp.StepAt(clock.GetUtcNow()) + 5));
        await ProblemAssert.IsProblemAsync(wrongConfirm, HttpStatusCode.BadRequest, "validation");
        var confirmed = await ConfirmAsync(host, token, Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())));
        var recoveryCodes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());

        await ProblemAssert.IsProblemAsync(await Login(host), HttpStatusCode.Unauthorized, "mfa-required");
        await ProblemAssert.IsProblemAsync(await Login(host, totp: Totp.Code(secret, Totp.StepAt(clock.GetUtcNow()) + 3)), HttpStatusCode.Unauthorized, "invalid-mfa-code");

        clock.Advance(Totp.Step);
        var current = Totp.Code(secret, Totp.StepAt(clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, (await Login(host, totp: current)).StatusCode);
        await ProblemAssert.IsProblemAsync(await Login(host, totp: current), HttpStatusCode.Unauthorized, "invalid-mfa-code");

        Assert.Equal(HttpStatusCode.OK, (await Login(host, recovery: recoveryCodes[3].ToUpperInvariant())).StatusCode);
        await ProblemAssert.IsProblemAsync(await Login(host, recovery: recoveryCodes[3]), HttpStatusCode.Unauthorized, "invalid-mfa-code");

        // With the authenticator on, a stolen access token cannot quietly enrol a new one (which would switch it off).
        using var reEnrol = await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp", token, new { password = Password });
        await ProblemAssert.IsProblemAsync(reEnrol, HttpStatusCode.Conflict, "mfa-already-enabled");
        clock.Advance(Totp.Step);
        var again = Totp.Code(secret, Totp.StepAt(clock.GetUtcNow()));
        // Three at once: enough to race, too few to reach the lockout threshold whatever the order.
        var parallel = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Login(host, totp: again)));
        Assert.Single(parallel, r => r.StatusCode == HttpStatusCode.OK);

        await using var scope = host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Guid.Parse(signup.Text("tenantId")));
        var actions = await scope.ServiceProvider.GetRequiredService<FormaDbContext>().AuditEvents.Select(e => e.Action).ToListAsync();
        Assert.Contains("mfa.totp-enabled", actions);
        Assert.Contains("mfa.recovery-code-used", actions);
        Assert.Equal(3 + 2, actions.Count(a => a == "session.mfa-failed"));
    }

    private static Task<HttpResponseMessage> ConfirmAsync(WebHost host, string token, string code)
    {
        var request = WithToken(HttpMethod.Post, "/api/v1/auth/mfa/totp/confirm", token);
        request.Content = JsonContent.Create(new { code });
        return host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Login(WebHost host, string? totp = null, string? recovery = null) =>
        host.Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "ada@example.com", password = Password, totpCode = totp, recoveryCode = recovery });
}
