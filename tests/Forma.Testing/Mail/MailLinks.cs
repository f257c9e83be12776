using System.Text.RegularExpressions;

namespace Forma.Testing.Mail;

public static partial class MailLinks
{
    /// <summary>The first http(s) link in a body, without the sentence punctuation that may follow it; null when there is none.</summary>
    public static string? First(string? text) =>
        text is not null && Link().Match(text) is { Success: true } match ? match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')') : null;

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
