using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// A client's seats in an appointment: who pays (an athlete, or a guardian's membership when a parent or pet owner
/// books for dependents), who booked, the participants, and the price and deposit as they were when booked.
/// A retried create with the same <see cref="IdempotencyKey"/> from the same member finds this booking instead
/// of making a second one (a unique index guarantees it).
/// </summary>
public sealed class ClientBooking : ITenantOwned
{
    public const int IdempotencyKeyMaxLength = 100;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AppointmentId { get; private set; }
    public Guid? ClientAthleteId { get; private set; }
    public Guid? ClientMembershipId { get; private set; }
    public Guid BookedByMembershipId { get; private set; }
    public int Seats { get; private set; }
    public long PriceMinor { get; private set; }
    public long DepositMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public BookingStatus Status { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public long? FeeMinor { get; private set; }

    /// <summary>The recurring series this booking was made in, if any (a weekly booking for ten weeks shares one id).</summary>
    public Guid? SeriesId { get; private set; }

    /// <summary>The package whose sessions pay for this booking, if any: then no price or deposit is due.</summary>
    public Guid? ClientPackageId { get; private set; }

    private ClientBooking()
    {
    }

    public static ClientBooking Create(Guid tenantId, Appointment appointment, Service service, BookingClient client, Guid bookedBy, int seats, string? idempotencyKey, DateTime now) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        AppointmentId = appointment.Id,
        ClientAthleteId = client.AthleteId,
        ClientMembershipId = client.GuardianMembershipId,
        BookedByMembershipId = bookedBy,
        Seats = seats,
        // The price is per participant: two children in one class pay two seats.
        PriceMinor = service.PriceMinor * seats,
        DepositMinor = service.DepositMinor * seats,
        Currency = service.Currency,
        Status = BookingStatus.Booked,
        IdempotencyKey = idempotencyKey,
        CreatedAt = now,
    };

    public BookingClient Client => new(ClientAthleteId, ClientMembershipId);

    public void PartOfSeries(Guid seriesId) => SeriesId = seriesId;

    public void PaidWith(Guid clientPackageId)
    {
        ClientPackageId = clientPackageId;
        PriceMinor = 0;
        DepositMinor = 0;
    }
}
