using System.Text.Json;

namespace Forma.Web.Tests.Contract;

/// <summary>One operation of the served OpenAPI document: its method, path template, parameters and JSON body schema.</summary>
internal sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, JsonElement? JsonBody, bool BodyRequired, bool MultipartBody)
{
    public string Name => $"{Method} {Path}";

    public bool TakesInput => Parameters.Count > 0 || JsonBody is not null || MultipartBody;

    /// <summary>Every operation in <paramref name="document"/>, in document order.</summary>
    public static IReadOnlyList<OpenApiOperation> All(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("responses", out _))
                .Select(op => From(op.Name.ToUpperInvariant(), path.Name, op.Value)))
            .ToList();

    private static OpenApiOperation From(string method, string path, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => new OpenApiParameter(
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var required) && required.GetBoolean(),
                p.TryGetProperty("schema", out var schema) ? schema : default)).ToList()
            : [];
        JsonElement? body = null;
        var multipart = false;
        var bodyRequired = false;
        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            bodyRequired = requestBody.TryGetProperty("required", out var r) && r.GetBoolean();
            var content = requestBody.GetProperty("content");
            if (content.TryGetProperty("application/json", out var json))
            {
                body = json.GetProperty("schema");
            }

            multipart = content.TryGetProperty("multipart/form-data", out _);
        }

        return new OpenApiOperation(method, path, parameters, body, bodyRequired, multipart);
    }
}

internal sealed record OpenApiParameter(string Name, string In, bool Required, JsonElement Schema);
