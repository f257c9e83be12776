using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forma.Web.Tests.Contract;

/// <summary>
/// A corpus of inputs that a careless or hostile client sends: wrong JSON types, truncated JSON, huge strings,
/// extreme dates and numbers, bad GUIDs, control and bidi characters, empty bodies, wrong content types. Each is
/// a variation of a request that the document calls valid, so it reaches as deep as the one broken part lets it.
/// </summary>
internal static class MalformedInput
{
    public static readonly string Huge = new('a', 100_000);

    /// <summary>Values for a query, path or header parameter (sent escaped).</summary>
    public static readonly string[] ParameterValues =
    [
        "", "not-a-guid", "00000000-0000-0000-0000-000000000000", "-1", "0", "99999999999999999999", "1e309", "NaN",
        "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-30", "abc\0def", "\u202Eevil", "\u200B", new string('a', 5_000),
    ];

    /// <summary>Replacements for one property of a valid JSON body.</summary>
    public static readonly JsonNode?[] PropertyValues =
    [
        null, JsonValue.Create(123), JsonValue.Create("text"), JsonValue.Create(true), new JsonObject(), new JsonArray(),
        JsonValue.Create(Huge), JsonValue.Create("a\0b"), JsonValue.Create("\u202Eevil"), JsonValue.Create("zero\u200Bwidth"),
        JsonValue.Create("0001-01-01"), JsonValue.Create("9999-12-31T23:59:59Z"), JsonValue.Create("not-a-guid"),
        JsonValue.Create(1e308), JsonValue.Create(-1e308), JsonNode.Parse("9223372036854775808"), JsonValue.Create(1.5), JsonValue.Create(-1),
        new JsonArray(Enumerable.Range(0, 2_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
    ];

    /// <summary>Whole bodies that are not the operation's JSON at all: (content, description).</summary>
    public static IEnumerable<(HttpContent? Content, string What)> Bodies(string validJson)
    {
        yield return (null, "no body");
        yield return (ApiSurface.Json(""), "empty body");
        yield return (ApiSurface.Json("{"), "truncated JSON");
        yield return (ApiSurface.Json(validJson.Length > 2 ? validJson[..(validJson.Length / 2)] : "[", "application/json"), "half the valid body");
        yield return (ApiSurface.Json("[]"), "an array");
        yield return (ApiSurface.Json("null"), "null");
        yield return (ApiSurface.Json("1e999"), "a number out of range");
        yield return (ApiSurface.Json("\"text\""), "a string");
        yield return (ApiSurface.Json(validJson, "text/plain"), "the valid body as text/plain");
        yield return (ApiSurface.Json(validJson, "application/xml"), "the valid body as XML");
        yield return (new ByteArrayContent([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]) { Headers = { ContentType = new("application/json") } }, "invalid UTF-8");
        yield return (ApiSurface.Json("{" + string.Concat(Enumerable.Repeat("\"a\":[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "}"), "deep nesting");
    }

    /// <summary>The valid body with one property replaced by <paramref name="value"/>.</summary>
    public static string WithProperty(JsonObject valid, string property, JsonNode? value)
    {
        var copy = JsonNode.Parse(valid.ToJsonString())!.AsObject();
        copy[property] = value?.DeepClone();
        return copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 40 ? text[..40] + $"…({text.Length} chars)" : text;
    }

    public static string Describe(string value) =>
        value.Length > 40 ? $"{value[..10]}…({value.Length} chars)" : new StringBuilder(value).Replace("\0", "\\0").ToString();
}
