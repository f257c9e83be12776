using System.Net;
using Forma.Web.Tests.Pages;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Security;

/// <summary>Errors raised before a page renders: a page for a browser, problem details for API callers.</summary>
public class BrowserErrorPageTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task UnknownPage_FromABrowser_IsAPage_WhileTheApiKeepsProblemDetails()
    {
        await using var host = await WebHost.StartAsync();

        using var page = await host.Client.SendAsync(Browser(HttpMethod.Get, "/no-such-page"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Error 404", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        await ProblemAssert.IsProblemAsync(await host.Client.SendAsync(Browser(HttpMethod.Get, "/api/v1/no-such-thing")), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/no-such-page"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task FormWithoutItsAntiforgeryToken_IsRefusedWithAPage_OrProblemDetails()
    {
        await using var host = await WebHost.StartAsync();
        var (_, slug) = await host.CreateTenantAsync();
        var fields = new Dictionary<string, string> { ["_handler"] = "signin", ["Form.Email"] = "a@example.com", ["Form.Password"] = "whatever-123" };

        using var fromBrowser = Browser(HttpMethod.Post, $"/t/{slug}/signin");
        fromBrowser.Content = new FormUrlEncodedContent(fields);
        using var page = await host.Client.SendAsync(fromBrowser);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>The form could not be accepted.</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var script = await host.Client.PostAsync($"/t/{slug}/signin", new FormUrlEncodedContent(fields));
        await ProblemAssert.IsProblemAsync(script, HttpStatusCode.BadRequest, "antiforgery-rejected");
    }

    [Fact]
    public async Task AnotherBusinesssPublicBookingPage_WithThisBusinesssCookie_IsShown()
    {
        await using var host = await WebHost.StartAsync();
        var (slugA, emailA) = await PageSessionTests.SignupPagesAsync(host);
        var (slugB, _) = await PageSessionTests.SignupPagesAsync(host);
        using var browser = new PageClient(host);
        await browser.SignInAsync(slugA, emailA, Password);

        using var bookB = await browser.GetAsync($"/t/{slugB}/book");
        Assert.Equal(HttpStatusCode.OK, bookB.StatusCode);
        Assert.Contains("<h1>Book with Peak Endurance</h1>", await bookB.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Pages that need a session stay refused, and the session still works at home.
        using var appB = await browser.GetAsync($"/t/{slugB}/app");
        Assert.Equal(HttpStatusCode.Forbidden, appB.StatusCode);
        using var appA = await browser.GetAsync($"/t/{slugA}/app");
        Assert.Equal(HttpStatusCode.OK, appA.StatusCode);
    }

    private static HttpRequestMessage Browser(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Accept", BrowserAccept);
        return request;
    }
}
