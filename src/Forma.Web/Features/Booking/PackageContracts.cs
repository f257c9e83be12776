using System.ComponentModel.DataAnnotations;
using Forma.Core.Booking;

namespace Forma.Web.Features.Booking;

public sealed record PackageRequest(string Name, PackageKind Kind, int Sessions, int? ValidDays, long PriceMinor, [property: RegularExpression("^[A-Z]{3}$")] string Currency = "EUR", IReadOnlyList<Guid>? ServiceIds = null);

public sealed record PackageResponse(Guid Id, string Name, PackageKind Kind, int Sessions, int? ValidDays, long PriceMinor, string Currency, IReadOnlyList<Guid> ServiceIds, bool Archived)
{
    public static PackageResponse From(Package p) => new(p.Id, p.Name, p.Kind, p.Sessions, p.ValidDays, p.PriceMinor, p.Currency, p.ServiceIds, p.Archived);
}

/// <summary>Sell a package to a client (an athlete, or a guardian's membership), valid from a date (today by default).</summary>
public sealed record SellPackageRequest(Guid PackageId, Guid? ClientAthleteId = null, Guid? ClientMembershipId = null, DateOnly? ValidFrom = null);

public sealed record CreditUseResponse(Guid BookingId, DateOnly Date, int Seats, DateOnly PeriodStart, bool Returned);

/// <summary>A package a client holds: what is left in the current period (today's month for a membership) and every use.</summary>
public sealed record ClientPackageResponse(
    Guid Id, Guid PackageId, string Name, PackageKind Kind, int Sessions, int RemainingNow, DateOnly ValidFrom, DateOnly? ValidUntil, IReadOnlyList<Guid> ServiceIds,
    Guid? ClientAthleteId, Guid? ClientMembershipId, IReadOnlyList<CreditUseResponse> Uses)
{
    /// <summary>Sessions left now: in the current period (a membership's month), none once the package has expired.</summary>
    public static ClientPackageResponse From(ClientPackage p, IReadOnlyList<CreditUse> uses, DateOnly today)
    {
        var period = p.PeriodOf(today < p.ValidFrom ? p.ValidFrom : today);
        var remaining = p.Sessions - uses.Where(u => u.PeriodStart == period && u.ReturnedAt is null).Sum(u => u.Seats);
        return new ClientPackageResponse(p.Id, p.PackageId, p.Name, p.Kind, p.Sessions, p.ValidOn(today) || today < p.ValidFrom ? remaining : 0, p.ValidFrom, p.ValidUntil, p.ServiceIds,
            p.ClientAthleteId, p.ClientMembershipId, uses.Select(u => new CreditUseResponse(u.BookingId, u.Date, u.Seats, u.PeriodStart, u.ReturnedAt is not null)).ToList());
    }
}
