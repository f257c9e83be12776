using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forma.Data;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Contract;

/// <summary>
/// The whole API as a client sees it: a running host, its OpenAPI document, and a business with a signed-in owner
/// and one athlete, so requests reach past authentication into each operation's own checks.
/// </summary>
internal sealed class ApiSurface : IAsyncDisposable
{
    private ApiSurface(WebHost host, JsonElement document, string accessToken, IReadOnlyDictionary<string, string> known)
    {
        Host = host;
        Document = document;
        AccessToken = accessToken;
        Known = known;
        Samples = new SampleValues(document, known);
    }

    public WebHost Host { get; }
    public JsonElement Document { get; }
    public string AccessToken { get; }

    /// <summary>Real values for the names that identify things (the athlete's id, the owner's membership id).</summary>
    public IReadOnlyDictionary<string, string> Known { get; }
    public SampleValues Samples { get; }

    public static async Task<ApiSurface> OpenAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await WebHost.StartAsync(provider);
        using var response = await host.Client.GetAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        var token = (await SignupAsync(host)).Text("accessToken");
        using var me = await Send(host, HttpMethod.Get, "/api/v1/auth/me", token);
        var membershipId = (await me.Content.ReadFromJsonAsync<JsonElement>()).Text("membershipId");
        using var created = await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = "Sam", lastName = "Sample" });
        var athleteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
        var known = new Dictionary<string, string>
        {
            ["athleteId"] = athleteId,
            ["clientAthleteId"] = athleteId,
            ["membershipId"] = membershipId,
            ["timeZone"] = "Europe/Madrid",
        };
        return new ApiSurface(host, document, token, known);
    }

    public IReadOnlyList<OpenApiOperation> Operations() => OpenApiOperation.All(Document);

    /// <summary>
    /// The operations, with those that end the owner's session or account last: whatever they do to a request that
    /// gets through, the others have been called by then.
    /// </summary>
    public IReadOnlyList<OpenApiOperation> OperationsSafeOrderFirst() =>
        Operations().OrderBy(o => o.Path.Contains("logout", StringComparison.Ordinal) || o.Path.EndsWith("/me", StringComparison.Ordinal)
            || o.Path.Contains("/tenant/close", StringComparison.Ordinal) || o.Path.Contains("/password", StringComparison.Ordinal)
            || o.Path.Contains("/switch", StringComparison.Ordinal)).ToList();

    /// <summary>A request for <paramref name="operation"/> with each parameter's value from <paramref name="value"/> (null leaves it out).</summary>
    public HttpRequestMessage Request(OpenApiOperation operation, Func<OpenApiParameter, string?> value, HttpContent? body)
    {
        var path = new StringBuilder(operation.Path);
        var query = new List<string>();
        var headers = new List<(string, string)>();
        foreach (var parameter in operation.Parameters)
        {
            if (value(parameter) is not { } text)
            {
                continue;
            }

            switch (parameter.In)
            {
                case "path":
                    path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(text));
                    break;
                case "query":
                    query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(text)}");
                    break;
                case "header" when text.All(c => c is >= ' ' and <= '~'):
                    // HTTP/1.1 carries only visible ASCII in a header; anything else never leaves the client.
                    headers.Add((parameter.Name, text));
                    break;
            }
        }

        var uri = path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), uri) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        if (operation.Path.StartsWith("/api/v1/ops/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = null;
            request.Headers.Add("X-Operator-Key", WebHost.OperatorKey);
        }

        foreach (var (name, text) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, text);
        }

        return request;
    }

    /// <summary>The value the document says is valid for a parameter that must be sent; optional ones are left out.</summary>
    public string? RequiredValue(OpenApiParameter parameter) =>
        parameter.Required || parameter.In == "path" ? Samples.Text(parameter) : null;

    public static StringContent Json(string text, string mediaType = "application/json") => new(text, Encoding.UTF8, mediaType);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
