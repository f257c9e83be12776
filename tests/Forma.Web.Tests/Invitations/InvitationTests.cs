using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Core.People;
using Forma.Data;
using Forma.Testing;
using Forma.Testing.Mail;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Accounts.MailedLinks;

namespace Forma.Web.Tests.Invitations;

/// <summary>Invitations by email, accepted over HTTP with the token from the mail a real SMTP server received.</summary>
public class InvitationTests
{
    private const string NewPassword = "Long-Run-Saturday-21k";

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task OwnerInvitesACoach_WhoInvitesAnAthlete_EachJoinsOnce_AndTheCoachSeesTheirAthlete(DatabaseProvider provider)
    {
        await using var listener = new SmtpListener();
        await using var host = await Mail.MailTestKit.StartAsync(provider, listener);
        var owner = await SignupAsync(host);

        using var invited = await Send(host, HttpMethod.Post, "/api/v1/invitations", owner.Text("accessToken"), new { email = "Coach.Carla@Example.com", role = "Coach" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.DoesNotContain("token", await invited.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var (mail, coachToken) = await TokenMailedToAsync(listener, "coach.carla@example.com", "invited you");
        Assert.Contains("Peak Endurance", mail.Subject, StringComparison.Ordinal);

        var missingNames = await Accept(host, new { token = coachToken, password = NewPassword });
        var problem = await ProblemAssert.IsProblemAsync(missingNames, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("firstName", out _));

        using var accepted = await Accept(host, new { token = coachToken, password = NewPassword, firstName = "Carla", lastName = "Coach" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var coach = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Coach", owner.Text("tenantId")), (coach.Text("role"), coach.Text("tenantId")));
        await ProblemAssert.IsProblemAsync(await Accept(host, new { token = coachToken, password = NewPassword, firstName = "Carla", lastName = "Coach" }), HttpStatusCode.Unauthorized, "invalid-token");

        // A coach invites athletes, not admins.
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, "/api/v1/invitations", coach.Text("accessToken"), new { email = "admin@example.com", role = "Admin" }), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, "/api/v1/invitations", coach.Text("accessToken"), new { email = "ali@example.com", role = "Athlete" })).StatusCode);
        var (_, athleteToken) = await TokenMailedToAsync(listener, "ali@example.com", "invited you");
        using var athleteJoined = await Accept(host, new { token = athleteToken, password = NewPassword, firstName = "Ali", lastName = "Athlete" });
        var athlete = await athleteJoined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Athlete", athlete.Text("role"));

        // The new athlete record is the athlete's own, and assigned to the coach who invited them.
        var own = await (await Send(host, HttpMethod.Get, "/api/v1/athletes", athlete.Text("accessToken"))).Content.ReadFromJsonAsync<JsonElement>();
        var record = Assert.Single(own.GetProperty("items").EnumerateArray());
        Assert.True(record.GetProperty("hasLogin").GetBoolean());
        var coached = await (await Send(host, HttpMethod.Get, "/api/v1/athletes", coach.Text("accessToken"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(record.Text("id"), Assert.Single(coached.GetProperty("items").EnumerateArray()).Text("id"));
    }

    [Fact]
    public async Task ExistingAccount_JoinsWithItsOwnPassword_AndAGuardianSeesTheirDependent()
    {
        await using var listener = new SmtpListener();
        await using var host = await Mail.MailTestKit.StartAsync(DatabaseProvider.Sqlite, listener);
        var club = await SignupAsync(host);
        await SignupAsync(host, email: "pat@example.com"); // Pat already runs a business of their own
        using var child = await Send(host, HttpMethod.Post, "/api/v1/athletes", club.Text("accessToken"), new { firstName = "Kid", lastName = "Pat" });
        var childId = (await child.Content.ReadFromJsonAsync<JsonElement>()).Text("id");

        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, "/api/v1/invitations", club.Text("accessToken"), new { email = "pat@example.com", role = "Guardian", athleteId = childId })).StatusCode);
        var (_, token) = await TokenMailedToAsync(listener, "pat@example.com", "invited you");

        await ProblemAssert.IsProblemAsync(await Accept(host, new { token, password = "not-pats-password" }), HttpStatusCode.Unauthorized, "invalid-credentials");
        using var joined = await Accept(host, new { token, password = Password });
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var guardian = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Guardian", club.Text("tenantId")), (guardian.Text("role"), guardian.Text("tenantId")));
        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{childId}", guardian.Text("accessToken"))).StatusCode);
    }

    [Fact]
    public async Task RevokedOrReplacedInvitation_NoLongerWorks_AndOnlyStaffSeeThem()
    {
        await using var listener = new SmtpListener();
        await using var host = await Mail.MailTestKit.StartAsync(DatabaseProvider.Sqlite, listener);
        var owner = await SignupAsync(host);
        var ownerToken = owner.Text("accessToken");

        var first = await (await Send(host, HttpMethod.Post, "/api/v1/invitations", ownerToken, new { email = "ivy@example.com", role = "Admin" })).Content.ReadFromJsonAsync<JsonElement>();
        var (_, firstToken) = await TokenMailedToAsync(listener, "ivy@example.com", "invited you");
        await Send(host, HttpMethod.Post, "/api/v1/invitations", ownerToken, new { email = "ivy@example.com", role = "Admin" });
        await ProblemAssert.IsProblemAsync(await Accept(host, new { token = firstToken, password = NewPassword, firstName = "Ivy", lastName = "I" }), HttpStatusCode.Unauthorized, "invalid-token");

        var pending = await (await Send(host, HttpMethod.Get, "/api/v1/invitations", ownerToken)).Content.ReadFromJsonAsync<JsonElement>();
        var second = Assert.Single(pending.EnumerateArray());
        Assert.NotEqual(first.Text("id"), second.Text("id"));
        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Delete, $"/api/v1/invitations/{second.Text("id")}", ownerToken)).StatusCode);
        await Task.Delay(300);
        var secondToken = (await TokenMailsAsync(listener, "ivy@example.com"))[1];
        await ProblemAssert.IsProblemAsync(await Accept(host, new { token = secondToken, password = NewPassword, firstName = "Ivy", lastName = "I" }), HttpStatusCode.Unauthorized, "invalid-token");

        var (_, athleteToken) = await AddPersonAsync(host, Guid.Parse(owner.Text("tenantId")), Role.Athlete, "a@example.com");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Get, "/api/v1/invitations", athleteToken), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await Send(host, HttpMethod.Post, "/api/v1/invitations", athleteToken, new { email = "x@example.com", role = "Athlete" }), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await Accept(host, new { token = "garbage", password = NewPassword }), HttpStatusCode.Unauthorized, "invalid-token");
    }

    [Fact]
    public async Task Invitation_FromSomeoneDemotedSinceSendingIt_NoLongerWorks()
    {
        await using var listener = new SmtpListener();
        await using var host = await Mail.MailTestKit.StartAsync(DatabaseProvider.Sqlite, listener);
        var owner = await SignupAsync(host);
        var tenantId = Guid.Parse(owner.Text("tenantId"));
        var (adminId, adminToken) = await AddPersonAsync(host, tenantId, Role.Admin, "admin@example.com");
        Assert.Equal(HttpStatusCode.Created, (await Send(host, HttpMethod.Post, "/api/v1/invitations", adminToken, new { email = "new.coach@example.com", role = "Coach" })).StatusCode);
        var (_, token) = await TokenMailedToAsync(listener, "new.coach@example.com", "invited you");

        Assert.Equal(HttpStatusCode.OK, (await Send(host, HttpMethod.Put, $"/api/v1/members/{adminId}/role", owner.Text("accessToken"), new { role = "Athlete" })).StatusCode);
        await ProblemAssert.IsProblemAsync(await Accept(host, new { token, password = NewPassword, firstName = "N", lastName = "C" }), HttpStatusCode.Unauthorized, "invalid-token");
    }

    private static async Task<List<string>> TokenMailsAsync(SmtpListener listener, string to)
    {
        await listener.WaitForMessageAsync(m => m.Recipients.Contains(to) && listener.Messages.Count(x => x.Recipients.Contains(to)) >= 2, Mail.MailTestKit.Wait);
        return listener.Messages.Where(m => m.Recipients.Contains(to))
            .Select(m => Uri.UnescapeDataString(new Uri(MailLinks.First(m.TextBody)!).Query["?token=".Length..])).ToList();
    }

    private static Task<HttpResponseMessage> Accept(WebHost host, object body) => host.Client.PostAsJsonAsync("/api/v1/invitations/accept", body);
}
