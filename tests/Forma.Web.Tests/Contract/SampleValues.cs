using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Forma.Web.Tests.Contract;

/// <summary>
/// Builds a value that the document's own schema says is valid: required properties, the first enum member, the
/// declared format, lengths within minLength..maxLength, numbers within minimum..maximum, at least minItems items.
/// Nothing here knows Forma's endpoints; what a schema leaves open it fills with plain values, and names that the
/// caller knows a real value for (an athlete's id) come from <paramref name="known"/>.
/// </summary>
internal sealed class SampleValues(JsonElement document, IReadOnlyDictionary<string, string> known)
{
    private const int MaxDepth = 8;

    /// <summary>A valid JSON value for <paramref name="schema"/>; <paramref name="name"/> is the property or parameter it is for.</summary>
    public JsonNode? For(JsonElement schema, string name, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            // Prefer a non-null alternative, so the sample exercises the value rather than its absence.
            var choice = oneOf.EnumerateArray().Select(Resolve).FirstOrDefault(s => !IsOnlyNull(s), oneOf[0]);
            return For(choice, name, depth);
        }

        if (schema.TryGetProperty("enum", out var members))
        {
            var first = members.EnumerateArray().First(m => m.ValueKind != JsonValueKind.Null);
            return JsonNode.Parse(first.GetRawText());
        }

        return Types(schema).FirstOrDefault(t => t != "null") switch
        {
            "object" => Object(schema, depth),
            "array" => Array(schema, name, depth),
            "integer" => JsonValue.Create((long)Number(schema, 1)),
            "number" => JsonValue.Create(Number(schema, 1.5)),
            "boolean" => JsonValue.Create(true),
            "string" => JsonValue.Create(Text(schema, name)),
            _ when schema.TryGetProperty("properties", out _) => Object(schema, depth),
            _ => JsonValue.Create(Text(schema, name)),
        };
    }

    /// <summary>The same value as text, for a path, query or header parameter.</summary>
    public string Text(OpenApiParameter parameter) =>
        For(parameter.Schema, parameter.Name) switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var node => node!.ToJsonString(),
        };

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    public static IEnumerable<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!)
        : [type.GetString()!];

    private static bool IsOnlyNull(JsonElement schema) => Types(schema).SequenceEqual(["null"]);

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (depth >= MaxDepth || !schema.TryGetProperty("properties", out var properties))
        {
            return result;
        }

        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : [];
        foreach (var property in properties.EnumerateObject().Where(p => required.Contains(p.Name)))
        {
            result[property.Name] = For(property.Value, property.Name, depth + 1);
        }

        return result;
    }

    private JsonArray Array(JsonElement schema, string name, int depth)
    {
        var result = new JsonArray();
        var count = schema.TryGetProperty("minItems", out var min) ? Math.Max(1, min.GetInt32()) : 1;
        for (var i = 0; i < count && schema.TryGetProperty("items", out var items); i++)
        {
            result.Add(For(items, name, depth + 1));
        }

        return result;
    }

    private static double Number(JsonElement schema, double preferred)
    {
        var low = schema.TryGetProperty("minimum", out var min) ? ReadNumber(min) : double.NegativeInfinity;
        var high = schema.TryGetProperty("maximum", out var max) ? ReadNumber(max) : double.PositiveInfinity;
        return Math.Clamp(preferred, low, high);
    }

    private static double ReadNumber(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble();

    private string Text(JsonElement schema, string name)
    {
        if (known.TryGetValue(name, out var value))
        {
            return value;
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (format)
        {
            case "uuid":
                return Guid.NewGuid().ToString();
            case "date":
                return "2026-03-02";
            case "date-time":
                return "2026-03-02T09:00:00Z";
            case "time":
                return "09:00:00";
            case "email":
                return $"sample-{Guid.NewGuid():N}@example.com";
        }

        var minLength = schema.TryGetProperty("minLength", out var minimum) ? minimum.GetInt32() : 0;
        var maxLength = schema.TryGetProperty("maxLength", out var maximum) ? maximum.GetInt32() : int.MaxValue;
        var candidates = new[] { "sample", "s" + Guid.NewGuid().ToString("N")[..8], "Sample text", "ABC" };
        var pattern = schema.TryGetProperty("pattern", out var p) ? new Regex(p.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
        foreach (var candidate in candidates)
        {
            var text = candidate.Length < minLength ? candidate.PadRight(minLength, 'x') : candidate;
            text = text.Length > maxLength ? text[..maxLength] : text;
            if (pattern is null || pattern.IsMatch(text))
            {
                return text;
            }
        }

        throw new InvalidOperationException($"No sample for '{name}' matches {pattern}.");
    }
}
