using System.Collections.Frozen;

namespace Forma.Core.Tenancy;

/// <summary>
/// The subdomain a tenant is reached at (<c>{slug}.forma.app</c>) and its <c>/t/{slug}</c> path prefix.
/// 3–40 characters of lowercase letters, digits and inner hyphens — the DNS label rules, shortened — and
/// none of the names the platform keeps for itself.
/// </summary>
public sealed record TenantSlug
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    private static readonly FrozenSet<string> Reserved = new[]
    {
        "www", "api", "admin", "app", "mail", "smtp", "imap", "pop", "ftp", "ns1", "ns2", "dns",
        "static", "assets", "cdn", "media", "files", "status", "health", "docs", "help", "support",
        "blog", "billing", "login", "signin", "signup", "auth", "oauth", "sso", "account", "accounts",
        "dashboard", "console", "root", "system", "forma", "demo-admin", "test", "staging", "dev",
        "openapi", "swagger", "metrics", "internal", "ops",
    }.ToFrozenSet(StringComparer.Ordinal);

    public string Value { get; }

    private TenantSlug(string value) => Value = value;

    public static TenantSlug Parse(string? value)
    {
        if (TryParse(value, out var slug, out var error))
        {
            return slug;
        }

        throw new DomainException("invalid-slug", error, "subdomain");
    }

    public static bool TryParse(string? value, out TenantSlug slug, out string error)
    {
        slug = null!;
        if (string.IsNullOrEmpty(value) || value.Length < MinLength || value.Length > MaxLength)
        {
            error = $"A subdomain has {MinLength} to {MaxLength} characters.";
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                error = "A subdomain holds only lowercase letters, digits and hyphens.";
                return false;
            }
        }

        if (value[0] == '-' || value[^1] == '-')
        {
            error = "A subdomain cannot start or end with a hyphen.";
            return false;
        }

        if (Reserved.Contains(value))
        {
            error = $"The subdomain '{value}' is reserved.";
            return false;
        }

        slug = new TenantSlug(value);
        error = "";
        return true;
    }

    public override string ToString() => Value;
}
