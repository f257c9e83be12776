using System.Net;
using System.Text.Json;

namespace Forma.Web.Tests.OpenApi;

public class OpenApiDocumentTests
{
    /// <summary>Every operation documents what it does, what it returns, and how it fails.</summary>
    [Fact]
    public async Task Document_DescribesEveryOperationWithSummarySuccessAndProblemResponses()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 5, $"{name} has no summary");
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            Assert.True(responses.Any(r => r.Name.StartsWith('2') && (r.Name == "204" || r.Value.TryGetProperty("content", out _))), $"{name} documents no success body");
            Assert.True(responses.Any(r => r.Name[0] is '4' or '5' && r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _)), $"{name} documents no problem response");
        }
    }

    [Fact]
    public async Task Explorer_IsServedAtDocs()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
