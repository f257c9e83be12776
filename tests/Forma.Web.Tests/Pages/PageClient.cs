using System.Net;
using System.Text.RegularExpressions;

namespace Forma.Web.Tests.Pages;

/// <summary>A browser without a browser: an HTTP client with a cookie jar that fills in the pages' forms (antiforgery token included).</summary>
internal sealed partial class PageClient : IDisposable
{
    private readonly HttpClient client;

    public PageClient(WebHost host)
    {
        Cookies = new CookieContainer();
        client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = host.Client.BaseAddress };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => client.SendAsync(request);

    /// <summary>Loads the page, then posts the named form with the given fields and the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, Dictionary<string, string> fields, string? postTo = null)
    {
        using var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{path} rendered no antiforgery token (status {(int)page.StatusCode}).");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value), ["_handler"] = formName };
        return await client.PostAsync(postTo ?? path, new FormUrlEncodedContent(form));
    }

    public async Task SignInAsync(string slug, string email, string password)
    {
        using var response = await SubmitAsync($"/t/{slug}/signin", "signin", new() { ["Form.Email"] = email, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
