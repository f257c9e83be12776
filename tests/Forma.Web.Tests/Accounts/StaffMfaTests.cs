using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Forma.Web.Features.Accounts;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Accounts;

public class StaffMfaTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task WhenTheOwnerRequiresIt_StaffWithoutASecondFactorCanOnlyEnrol_AthletesAreUnaffected(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(provider, clock: clock);
        var owner = await SignupAsync(host);
        var ownerToken = owner.Text("accessToken");
        var tenantId = Guid.Parse(owner.Text("tenantId"));

        var (_, earlierCoach) = await AddPersonAsync(host, tenantId, Role.Coach, "early@example.com");

        // The owner must use a second factor before imposing one.
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Put, "/api/v1/tenant/security", ownerToken, new { requireStaffMfa = true }), HttpStatusCode.Conflict, "enable-mfa-first");
        await Authenticator.EnrolAsync(host, ownerToken, clock);
        using (var set = await Send(host, HttpMethod.Put, "/api/v1/tenant/security", ownerToken, new { requireStaffMfa = true }))
        {
            Assert.True((await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requireStaffMfa").GetBoolean());
        }

        // A coach signed in before the rule came in is signed out by it.
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/athletes", earlierCoach), HttpStatusCode.Unauthorized, "session-ended");
        var (_, coachToken) = await AddPersonAsync(host, tenantId, Role.Coach, "coach@example.com");
        var (_, athleteToken) = await AddPersonAsync(host, tenantId, Role.Athlete, "athlete@example.com", linkAthleteRecord: true);
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/v1/athletes", athleteToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/athletes", coachToken), HttpStatusCode.Forbidden, "mfa-setup-required");
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/v1/auth/me", coachToken)).StatusCode);

        // Enrolling is allowed; a session started afterwards is whole.
        clock.Advance(Totp.Step);
        var (secret, _) = await Authenticator.EnrolAsync(host, coachToken, clock);
        clock.Advance(Totp.Step);
        using var login = await host.Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "coach@example.com", password = Password, totpCode = Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())) });
        var fresh = (await login.Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken");
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, "/api/v1/athletes", fresh)).StatusCode);

        // While the rule stands, staff cannot switch their second factor off.
        clock.Advance(Totp.Step);
        var disable = await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp/disable", fresh, new { password = Password, totpCode = Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())) });
        await ProblemAssert.IsProblemAsync(disable, HttpStatusCode.Conflict, "mfa-required-by-business");
    }

    [Fact]
    public async Task DisablingTheSecondFactor_NeedsPasswordAndCode_ThenSignInAsksOnlyForThePassword()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(clock: clock);
        var owner = await SignupAsync(host, email: "dora@example.com");
        var token = owner.Text("accessToken");
        var (secret, _) = await Authenticator.EnrolAsync(host, token, clock);

        clock.Advance(Totp.Step);
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp/disable", token, new { password = Password }), HttpStatusCode.Unauthorized, "mfa-required");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp/disable", token, new { password = "wrong-password", totpCode = Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())) }), HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp/disable", token, new { password = Password, totpCode = Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())) })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(host, "dora@example.com", Password)).StatusCode);
    }
}
