using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Accounts;

public class SessionManagementTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Sessions_AreListed_AndCanBeEndedOneByOneOrAllAtOnce(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var laptop = await SignupAsync(host, email: "ada@example.com");
        using var phoneLogin = await LoginAsync(host, "ada@example.com", Password);
        var phone = await phoneLogin.Content.ReadFromJsonAsync<JsonElement>();
        using var tabletLogin = await LoginAsync(host, "ada@example.com", Password);
        var tablet = await tabletLogin.Content.ReadFromJsonAsync<JsonElement>();

        var listed = await ListAsync(host, laptop.Text("accessToken"));
        Assert.Equal(3, listed.Count);
        Assert.Single(listed, s => s.GetProperty("current").GetBoolean());

        var phoneSession = (await ListAsync(host, phone.Text("accessToken"))).Single(s => s.GetProperty("current").GetBoolean()).Text("id");
        using var revoke = await host.Client.SendAsync(WithToken(HttpMethod.Delete, $"/api/v1/auth/sessions/{phoneSession}", laptop.Text("accessToken")));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(host, phone.Text("refreshToken"))).StatusCode);
        Assert.Equal(2, (await ListAsync(host, laptop.Text("accessToken"))).Count);

        using var everywhere = await host.Client.SendAsync(WithToken(HttpMethod.Post, "/api/v1/auth/logout-everywhere", laptop.Text("accessToken")));
        Assert.Equal(HttpStatusCode.NoContent, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(host, laptop.Text("refreshToken"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(host, tablet.Text("refreshToken"))).StatusCode);
    }

    [Fact]
    public async Task RevokingSomeoneElsesSession_AnswersNotFound()
    {
        await using var host = await WebHost.StartAsync();
        var mine = await SignupAsync(host);
        var theirs = await SignupAsync(host);
        var theirSession = (await ListAsync(host, theirs.Text("accessToken"))).Single().Text("id");

        using var response = await host.Client.SendAsync(WithToken(HttpMethod.Delete, $"/api/v1/auth/sessions/{theirSession}", mine.Text("accessToken")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(host, theirs.Text("refreshToken"))).StatusCode);
    }

    private static async Task<List<JsonElement>> ListAsync(WebHost host, string token)
    {
        using var response = await host.Client.SendAsync(WithToken(HttpMethod.Get, "/api/v1/auth/sessions", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
