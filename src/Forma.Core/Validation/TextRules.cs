using System.Buffers;
using System.Globalization;
using System.Text;

namespace Forma.Core.Validation;

/// <summary>
/// What text may hold. Control characters (Unicode category Cc: NUL, escape, …) and format characters (Cf:
/// zero-width spaces and joiners, bidirectional overrides such as U+202E) are invisible or rewrite how the
/// text around them is shown, so a name holding them can impersonate another name, break an export or be
/// cut short at the NUL by a C library; half a surrogate pair is not text at all and PostgreSQL refuses it.
/// Ordinary line breaks and tabs stay allowed where text may span lines.
/// </summary>
public static class TextRules
{
    /// <summary>The text, unchanged, when every character is allowed; otherwise a refusal naming <paramref name="field"/>.</summary>
    /// <exception cref="DomainException">The text holds a control or format character, or a broken surrogate pair.</exception>
    public static string? Require(string? value, string field, bool multiline = false)
    {
        if (value is not null && FirstForbidden(value, multiline) is { } index)
        {
            throw new DomainException(
                "invalid-text",
                $"Holds an invisible control or format character (U+{(int)value[index]:X4} at position {index}){(multiline ? "" : "; line breaks are not allowed here")}.",
                field);
        }

        return value;
    }

    /// <summary>The index of the first character that is not allowed, or null.</summary>
    public static int? FirstForbidden(string value, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            var ordinaryWhitespace = multiline && rune.Value is '\n' or '\r' or '\t';
            if (!ordinaryWhitespace && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return i;
            }

            i += consumed;
        }

        return null;
    }
}
