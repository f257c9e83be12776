using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>One participant (a person, a child, a pet — an athlete record) of a booking; each takes one seat.</summary>
public sealed class BookingParticipant : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid BookingId { get; private set; }
    public Guid AthleteId { get; private set; }

    private BookingParticipant()
    {
    }

    public static BookingParticipant Create(Guid tenantId, Guid bookingId, Guid athleteId) => new() { TenantId = tenantId, BookingId = bookingId, AthleteId = athleteId };
}
