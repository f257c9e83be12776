namespace Forma.Core.People;

/// <summary>
/// A person who can sign in. Global, not tenant-owned: one email may hold memberships in several
/// tenants (a coach who works for two studios). What they may see is decided by <see cref="Membership"/>.
/// </summary>
public sealed class User
{
    public Guid Id { get; private set; }

    /// <summary>Lower-cased, trimmed; unique across the platform.</summary>
    public string Email { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";

    /// <summary>A password hash in ASP.NET Core Identity's versioned format; never the password.</summary>
    public string? PasswordHash { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private User()
    {
    }

    public static User Create(string email, string firstName, string lastName, DateTime createdAt) => new()
    {
        Id = Guid.CreateVersion7(createdAt),
        Email = EmailAddress.Normalize(email),
        FirstName = firstName.Trim(),
        LastName = lastName.Trim(),
        CreatedAt = createdAt,
    };

    public void SetPasswordHash(string hash) => PasswordHash = hash;
}
