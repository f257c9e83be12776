namespace Forma.Core.People;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trims and lower-cases, and refuses what cannot be an address (RFC 5321 length, one @, a dot in the domain).</summary>
    public static string Normalize(string? email, string field = "email")
    {
        var value = email?.Trim().ToLowerInvariant() ?? "";
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var valid = value.Length is > 2 and <= MaxLength
            && at > 0
            && at == value.LastIndexOf('@')
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace)
            // What the mail sender will accept, so an address we store can always be written to.
            && System.Net.Mail.MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.DisplayName.Length == 0;
        return valid ? value : throw new DomainException("invalid-email", $"'{email}' is not an email address.", field);
    }
}
