using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>Where a waitlist entry stands.</summary>
public enum WaitlistStatus
{
    Waiting,
    Promoted,
    Withdrawn,
}

/// <summary>
/// A client waiting for seats in a full appointment (usually a class). When seats come free, entries are promoted in
/// the order they joined (by the time they joined; within one clock tick, by id) — each into a booking of its own, in the same transaction as the cancellation that freed
/// the seats — as long as their seats fit; one that needs more seats than are free keeps its place.
/// </summary>
public sealed class WaitlistEntry : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AppointmentId { get; private set; }
    public Guid? ClientAthleteId { get; private set; }
    public Guid? ClientMembershipId { get; private set; }
    public Guid BookedByMembershipId { get; private set; }
    public List<Guid> ParticipantIds { get; private set; } = [];
    public WaitlistStatus Status { get; private set; }
    public Guid? BookingId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ChangedAt { get; private set; }

    private WaitlistEntry()
    {
    }

    public static WaitlistEntry Join(Guid tenantId, Guid appointmentId, BookingClient client, Guid bookedBy, IReadOnlyList<Guid> participants, DateTime now) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        AppointmentId = appointmentId,
        ClientAthleteId = client.AthleteId,
        ClientMembershipId = client.GuardianMembershipId,
        BookedByMembershipId = bookedBy,
        ParticipantIds = [.. participants],
        Status = WaitlistStatus.Waiting,
        CreatedAt = now,
    };

    public BookingClient Client => new(ClientAthleteId, ClientMembershipId);

    public int Seats => ParticipantIds.Count;

    public void Promote(Guid bookingId, DateTime now)
    {
        Status = WaitlistStatus.Promoted;
        BookingId = bookingId;
        ChangedAt = now;
    }
}
