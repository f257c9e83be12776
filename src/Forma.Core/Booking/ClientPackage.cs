using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// A package a client holds, with the terms it was sold with. A punch card's sessions are counted over its whole
/// validity; a membership's per month from <see cref="ValidFrom"/> (the 15th to the 14th when bought on the 15th).
/// Credits are taken and returned by <see cref="CreditUse"/> rows, counted under a lock on this row.
/// </summary>
public sealed class ClientPackage : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PackageId { get; private set; }
    public Guid? ClientAthleteId { get; private set; }
    public Guid? ClientMembershipId { get; private set; }
    public string Name { get; private set; } = "";
    public PackageKind Kind { get; private set; }
    public int Sessions { get; private set; }
    public List<Guid> ServiceIds { get; private set; } = [];
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public long PriceMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    private ClientPackage()
    {
    }

    public static ClientPackage Sell(Package package, BookingClient client, DateOnly validFrom, DateTime now) => new()
    {
        TenantId = package.TenantId,
        Id = Guid.CreateVersion7(now),
        PackageId = package.Id,
        ClientAthleteId = client.AthleteId,
        ClientMembershipId = client.GuardianMembershipId,
        Name = package.Name,
        Kind = package.Kind,
        Sessions = package.Sessions,
        ServiceIds = [.. package.ServiceIds],
        ValidFrom = validFrom,
        // A punch card valid for 30 days from the 1st is good through the 30th.
        ValidUntil = package.ValidDays is { } days ? validFrom.AddDays(days - 1) : null,
        PriceMinor = package.PriceMinor,
        Currency = package.Currency,
        CreatedAt = now,
    };

    public BookingClient Client => new(ClientAthleteId, ClientMembershipId);

    public bool Covers(Guid serviceId) => ServiceIds.Count == 0 || ServiceIds.Contains(serviceId);

    public bool ValidOn(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date <= ValidUntil);

    /// <summary>The first day of the period <paramref name="date"/> falls in: the whole validity for a punch card, the month for a membership.</summary>
    public DateOnly PeriodOf(DateOnly date)
    {
        if (Kind == PackageKind.PunchCard)
        {
            return ValidFrom;
        }

        var months = (date.Year - ValidFrom.Year) * 12 + date.Month - ValidFrom.Month;
        var start = ValidFrom.AddMonths(months);
        return start > date ? ValidFrom.AddMonths(months - 1) : start;
    }
}
