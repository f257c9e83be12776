using System.Net;

namespace Forma.Web.Tests.Security;

/// <summary>An address or header block over the limit is refused with a body that names the limit, not Kestrel's empty answer.</summary>
public class OversizedRequestTests
{
    [Fact]
    public async Task LongAddress_OnTheApi_Answers414ProblemNamingTheLimit()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/athletes?q=" + new string('a', 9_000));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong, "uri-too-long");
        Assert.Contains("8192", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeHeaders_OnTheApi_Answer431ProblemNamingTheLimit()
    {
        await using var host = await WebHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/athletes");
        request.Headers.Add("X-Padding", new string('a', 40_000));

        using var response = await host.Client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
        Assert.Contains("32768", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongAddress_FromABrowser_AnswersAPage()
    {
        await using var host = await WebHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/pricing?q=" + new string('a', 9_000));
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>The address is too long.</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
