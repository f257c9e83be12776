using System.Collections.Frozen;
using System.Globalization;

namespace Forma.Core.People.Passwords;

/// <summary>
/// What a new password must be, after NIST SP 800-63B §5.1.1.2: long enough (10 characters), not absurdly
/// long (256, which bounds the work of hashing), not the account's own email, and not one of the passwords
/// most often seen in breaches (<c>common-passwords.txt</c>, compared case-insensitively). No composition
/// rules ("one digit, one symbol"): they push people to predictable patterns without adding strength.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    /// <summary>Every rule the password breaks, as sentences for the <c>password</c> field; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? email)
    {
        var problems = new List<string>();
        var length = password is null ? 0 : new StringInfo(password).LengthInTextElements;
        if (length < MinLength)
        {
            problems.Add($"A password has at least {MinLength} characters.");
        }
        else if (length > MaxLength)
        {
            problems.Add($"A password has at most {MaxLength} characters.");
        }

        if (password is null || problems.Count > 0)
        {
            return problems;
        }

        var lowered = password.Trim().ToLowerInvariant();
        var normalizedEmail = email?.Trim().ToLowerInvariant() ?? "";
        var localPart = normalizedEmail.Split('@')[0];
        if (normalizedEmail.Length > 0 && (lowered == normalizedEmail || lowered == localPart))
        {
            problems.Add("A password cannot be your email address.");
        }

        if (IsCommon(password))
        {
            problems.Add("This password is one of the most common in data breaches; choose another.");
        }

        return problems;
    }

    /// <summary>Throws a domain error naming the <c>password</c> field when the password breaks a rule.</summary>
    public static void Require(string? password, string? email)
    {
        var problems = Check(password, email);
        if (problems.Count > 0)
        {
            throw new DomainException("weak-password", string.Join(" ", problems), "password");
        }
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    /// <summary>How many passwords the list holds (for diagnostics and tests).</summary>
    public static int CommonCount => Common.Value.Count;

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Forma.Core.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in Forma.Core.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
