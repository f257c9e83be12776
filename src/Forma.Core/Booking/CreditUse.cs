using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// Seats of a booking paid with a package's sessions, in the period of the appointment's date. A cancellation within
/// the policy returns them (<see cref="ReturnedAt"/>); a late one or a no-show keeps them used.
/// </summary>
public sealed class CreditUse : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ClientPackageId { get; private set; }
    public Guid BookingId { get; private set; }
    public int Seats { get; private set; }
    public DateOnly Date { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReturnedAt { get; private set; }

    private CreditUse()
    {
    }

    public static CreditUse Take(ClientPackage package, Guid bookingId, int seats, DateOnly date, DateTime now) => new()
    {
        TenantId = package.TenantId,
        Id = Guid.CreateVersion7(now),
        ClientPackageId = package.Id,
        BookingId = bookingId,
        Seats = seats,
        Date = date,
        PeriodStart = package.PeriodOf(date),
        CreatedAt = now,
    };
}
