using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>A punch card (N sessions to use before it expires) or a membership (N sessions in every month it runs).</summary>
public enum PackageKind
{
    PunchCard,
    Membership,
}

/// <summary>
/// A package as the business sells it: which services it covers (none listed: all), how many sessions, for how long
/// a punch card stays valid, and its price. What a client bought is a <see cref="ClientPackage"/>, which copies these
/// terms so later changes to the offer do not change what was sold.
/// </summary>
public sealed class Package : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public PackageKind Kind { get; private set; }
    public int Sessions { get; private set; }
    public int? ValidDays { get; private set; }
    public long PriceMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public List<Guid> ServiceIds { get; private set; } = [];
    public bool Archived { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Package()
    {
    }

    public static Package Create(Guid tenantId, string name, PackageKind kind, int sessions, int? validDays, long priceMinor, string currency, IReadOnlyList<Guid> serviceIds, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > ServiceTerms.NameMaxLength)
        {
            throw new DomainException("invalid-name", $"1 to {ServiceTerms.NameMaxLength} characters.", "name");
        }

        if (sessions is < 1 or > 1000)
        {
            throw new DomainException("invalid-sessions", "Between 1 and 1000 sessions.", "sessions");
        }

        if (kind == PackageKind.PunchCard ? validDays is not (>= 1 and <= 3660) : validDays is not null)
        {
            throw new DomainException("invalid-validDays", "A punch card is valid for 1 to 3660 days; a membership runs by the month and takes none.", "validDays");
        }

        if (priceMinor is < 0 or > 100_000_000 || currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException("invalid-priceMinor", "A price of 0 to 100,000,000 minor units in an ISO 4217 currency such as EUR.", "priceMinor");
        }

        return new Package
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(now), Name = name.Trim(), Kind = kind, Sessions = sessions, ValidDays = validDays,
            PriceMinor = priceMinor, Currency = currency, ServiceIds = serviceIds.Distinct().ToList(), CreatedAt = now,
        };
    }

    public void Archive() => Archived = true;
}
