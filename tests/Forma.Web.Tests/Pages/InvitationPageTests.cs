using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing.Mail;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Accounts.MailedLinks;

namespace Forma.Web.Tests.Pages;

/// <summary>A coach invites an athlete from the athlete's page; the emailed link opens the acceptance page, which creates the login and signs it in on that athlete's record.</summary>
public class InvitationPageTests
{
    [Fact]
    public async Task AthleteInvitedFromTheirPage_AcceptsByEmailLink_AndLandsOnTheirOwnDashboard()
    {
        await using var listener = new SmtpListener();
        await using var host = await Mail.MailTestKit.StartAsync(DatabaseProvider.Sqlite, listener);
        var (slug, email) = await PageSessionTests.SignupPagesAsync(host);
        var token = (await (await LoginAsync(host, email, Password)).Content.ReadFromJsonAsync<JsonElement>()).Text("accessToken");
        using var created = await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = "Ines", lastName = "Intervals", email = "ines@example.com" });
        var athleteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        using var coach = new PageClient(host);
        await coach.SignInAsync(slug, email, Password);

        using (var invited = await coach.SubmitAsync($"/t/{slug}/app/athletes/{athleteId}", "invite-athlete", new() { ["InviteEmail"] = "ines@example.com" }))
        {
            Assert.Contains("Invitation sent to ines@example.com", await invited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (_, invitation) = await TokenMailedToAsync(listener, "ines@example.com", "invited you");
        using var athlete = new PageClient(host);
        using var accepted = await athlete.SubmitAsync($"/invitations/accept?token={Uri.EscapeDataString(invitation)}", "accept", new()
        {
            ["Form.Token"] = invitation, ["Form.FirstName"] = "Ines", ["Form.LastName"] = "Intervals", ["Form.Password"] = "Tempo-Run-Thursday-42",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // Signed in as the athlete: the dashboard is their own athlete page, which now has a login (no invite form).
        using var dashboard = await athlete.GetAsync($"/t/{slug}/app");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.EndsWith($"/t/{slug}/app/athletes/{athleteId}", dashboard.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var own = await athlete.GetAsync($"/t/{slug}/app/athletes/{athleteId}");
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains("Ines Intervals", html, StringComparison.Ordinal);
        Assert.DoesNotContain("invite-heading", html, StringComparison.Ordinal);
    }
}
