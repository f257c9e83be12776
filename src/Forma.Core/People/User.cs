using Forma.Core.Tenancy;

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

    /// <summary>Wrong passwords in a row since the last successful sign-in.</summary>
    public int FailedSignIns { get; private set; }

    /// <summary>No sign-in is tried before this instant (UTC); null when not locked.</summary>
    public DateTime? LockedUntil { get; private set; }

    /// <summary>The TOTP secret, encrypted by the application (never stored in the clear); null when none was enrolled.</summary>
    public string? ProtectedTotpSecret { get; private set; }

    /// <summary>When the person confirmed their authenticator; from then on sign-in asks for a code.</summary>
    public DateTime? TotpEnabledAt { get; private set; }

    /// <summary>The last 30-second step whose code was accepted, so a code cannot be replayed.</summary>
    public long? TotpLastStep { get; private set; }

    public bool HasTotp => TotpEnabledAt is not null;

    /// <summary>When the person proved they read mail at <see cref="Email"/> (a verification link or an accepted invitation).</summary>
    public DateTime? EmailVerifiedAt { get; private set; }

    /// <summary>How the person reads distances and speeds on the pages: "metric" or "imperial"; null until they choose.</summary>
    public string? Units { get; private set; }

    /// <summary>The IANA zone the pages show the person's dates in; null until they choose (the browser's is used).</summary>
    public string? TimeZone { get; private set; }

    /// <summary>Wrong passwords allowed in a row before the account locks.</summary>
    public const int FreeAttempts = 5;

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

    /// <summary>Display preferences that follow the person to every device and business.</summary>
    public void SetPreferences(bool imperial, string? timeZone)
    {
        Units = imperial ? "imperial" : "metric";
        TimeZone = timeZone is null ? TimeZone : TimeZones.Require(timeZone, "timeZone");
    }

    public bool IsLockedAt(DateTime now) => LockedUntil > now;

    /// <summary>Starts (or restarts) enrolment; the second factor is not required until <see cref="EnableTotp"/>.</summary>
    public void BeginTotpEnrolment(string protectedSecret)
    {
        ProtectedTotpSecret = protectedSecret;
        TotpEnabledAt = null;
        TotpLastStep = null;
    }

    public void EnableTotp(DateTime now, long acceptedStep)
    {
        TotpEnabledAt = now;
        TotpLastStep = acceptedStep;
    }

    public void DisableTotp()
    {
        ProtectedTotpSecret = null;
        TotpEnabledAt = null;
        TotpLastStep = null;
    }

    public void MarkEmailVerified(DateTime now) => EmailVerifiedAt ??= now;

    /// <summary>A new password also lifts a lock: the person proved control of their mailbox or knew the old one.</summary>
    public void ResetPassword(string hash)
    {
        PasswordHash = hash;
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>
    /// How long the account locks after <paramref name="failures"/> wrong passwords in a row, or null when it
    /// does not: from the <see cref="FreeAttempts"/>th, one minute, doubling with each further failure up to
    /// an hour (OWASP Authentication Cheat Sheet: back-off rather than a permanent lock, which would hand
    /// attackers a denial of service). The count itself is incremented atomically in the database.
    /// </summary>
    public static TimeSpan? LockFor(int failures) =>
        failures < FreeAttempts ? null : TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, failures - FreeAttempts)));

}
