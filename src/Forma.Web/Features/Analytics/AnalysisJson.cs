using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forma.Web.Features.Analytics;

/// <summary>
/// How stored analyses are written and read as JSON: web casing, and no number JSON cannot hold. Analyses stored
/// before open upper bounds became null carry the top zone's +∞ as the string "Infinity"; reading turns any such
/// non-finite value of an optional number into null, so what the API sends on is always plain JSON.
/// </summary>
internal static class AnalysisJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new FiniteOrNull() },
    };

    private sealed class FiniteOrNull : JsonConverter<double?>
    {
        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.TokenType switch
            {
                JsonTokenType.Null => (double?)null,
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.String => reader.GetString() switch
                {
                    "NaN" or "Infinity" or "-Infinity" => null,
                    var text => double.Parse(text!, System.Globalization.CultureInfo.InvariantCulture),
                },
                _ => throw new JsonException($"A number or null, not {reader.TokenType}."),
            };
            return value is { } v && double.IsFinite(v) ? v : null;
        }

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } v && double.IsFinite(v))
            {
                writer.WriteNumberValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
