using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Forma.Data;
using Forma.Testing;

namespace Forma.Web.Tests.Contract;

/// <summary>
/// Throws the malformed-input corpus at every operation of the OpenAPI document, as a signed-in owner (and the
/// operator, for operator routes), and requires an answer that is the client's fault (4xx), never a 5xx.
/// </summary>
public class MalformedInputSweepTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task EveryOperation_MalformedInput_IsAnsweredWith4xxNever5xx(DatabaseProvider provider)
    {
        await using var api = await ApiSurface.OpenAsync(provider);
        var failures = new ConcurrentBag<string>();
        var sent = 0;
        var operations = api.OperationsSafeOrderFirst().Where(o => o.TakesInput && !o.MultipartBody).ToList();
        // The operations that can end the owner's session go last and one at a time; the rest in parallel.
        var lastOnes = operations.Where(o => operations.IndexOf(o) >= operations.Count - 8).ToList();
        await Parallel.ForEachAsync(operations.Except(lastOnes), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, _) => await SweepAsync(operation));
        foreach (var operation in lastOnes)
        {
            await SweepAsync(operation);
        }

        Assert.True(sent > 1_000, $"Only {sent} requests were sent.");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} requests failed on the server:\n" + string.Join('\n', failures.Order(StringComparer.Ordinal)));

        async Task SweepAsync(OpenApiOperation operation)
        {
            foreach (var parameter in operation.Parameters)
            {
                foreach (var bad in MalformedInput.ParameterValues)
                {
                    await SendAsync(operation, p => p == parameter ? bad : api.RequiredValue(p), ValidBody(operation), $"{parameter.Name}={MalformedInput.Describe(bad)}");
                }
            }

            if (operation.JsonBody is not { } schema)
            {
                return;
            }

            var valid = api.Samples.For(schema, "body")!;
            foreach (var (content, what) in MalformedInput.Bodies(valid.ToJsonString()))
            {
                await SendAsync(operation, api.RequiredValue, content, what);
            }

            if (valid is not JsonObject fields)
            {
                return;
            }

            var properties = api.Samples.Resolve(schema).TryGetProperty("properties", out var declared)
                ? declared.EnumerateObject().Select(p => p.Name).ToList()
                : [];
            foreach (var property in properties)
            {
                foreach (var bad in MalformedInput.PropertyValues)
                {
                    await SendAsync(operation, api.RequiredValue, ApiSurface.Json(MalformedInput.WithProperty(fields, property, bad)), $"{property}: {MalformedInput.Describe(bad)}");
                }
            }
        }

        HttpContent? ValidBody(OpenApiOperation operation) =>
            operation.JsonBody is { } schema ? ApiSurface.Json(api.Samples.For(schema, "body")!.ToJsonString()) : null;

        async Task SendAsync(OpenApiOperation operation, Func<OpenApiParameter, string?> values, HttpContent? body, string what)
        {
            using var request = api.Request(operation, values, body);
            using var response = await api.Host.Client.SendAsync(request);
            Interlocked.Increment(ref sent);
            if ((int)response.StatusCode >= 500)
            {
                var text = await response.Content.ReadAsStringAsync();
                failures.Add($"{operation.Name} with {what} → {(int)response.StatusCode} {(text.Length > 200 ? text[..200] : text)}");
            }
        }
    }
}
