using System.Text.Json;
using Forma.Core;
using Forma.Core.Validation;

namespace Forma.Web.Features.Billing;

/// <summary>
/// Reads the provider's event JSON defensively. A signed event is still input: a field of the wrong JSON type, an
/// id longer than the column that stores it or a timestamp outside the calendar is refused with a 400 naming the
/// field (<c>data.object.current_period_end</c>), so the provider's dashboard shows why, instead of a 500.
/// </summary>
internal static class EventFields
{
    /// <summary>Stripe documents ids of up to 255 characters; the columns that keep them are that wide.</summary>
    public const int IdMaxLength = 255;

    /// <summary>The string at <paramref name="property"/>, or null when it is absent or not a string.</summary>
    public static string? Text(JsonElement element, string property, string path, int maxLength = IdMaxLength)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            throw new DomainException("invalid-event", $"At most {maxLength} characters.", Field(path, property));
        }

        return TextRules.Require(text, Field(path, property));
    }

    /// <summary>The object at <paramref name="property"/>, or null when absent; another JSON type is refused.</summary>
    public static JsonElement? Object(JsonElement element, string property, string path) =>
        Member(element, property) is not { } value ? null
        : value.ValueKind == JsonValueKind.Object ? value
        : throw new DomainException("invalid-event", "An object.", Field(path, property));

    /// <summary>The first element of the array at <paramref name="property"/>, or null when absent or empty; another JSON type is refused.</summary>
    public static JsonElement? FirstItem(JsonElement element, string property, string path) =>
        Member(element, property) is not { } value ? null
        : value.ValueKind != JsonValueKind.Array ? throw new DomainException("invalid-event", "An array.", Field(path, property))
        : value.GetArrayLength() == 0 ? null
        : value[0];

    /// <summary>The Unix time (seconds) at <paramref name="property"/> as UTC, or null when absent; a non-integer or a year outside the calendar is refused.</summary>
    public static DateTime? UnixTime(JsonElement element, string property, string path)
    {
        if (Member(element, property) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds)
            || seconds < ToUnix(DateRules.Earliest) || seconds > ToUnix(DateRules.Latest))
        {
            throw new DomainException("invalid-event", $"Whole seconds since 1970 (Unix time), from {DateRules.Earliest:yyyy} to {DateRules.Latest:yyyy}.", Field(path, property));
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
    }

    private static JsonElement? Member(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static long ToUnix(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

    private static string Field(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";
}
