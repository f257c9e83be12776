using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// One occurrence of a service with one staff member: a private session, or a class that several bookings share.
/// <see cref="OccupiedFrom"/>–<see cref="OccupiedTo"/> is the staff member's time it holds, buffers included; on
/// PostgreSQL an exclusion constraint keeps two scheduled appointments of one staff member from overlapping there.
/// <see cref="SeatsTaken"/> only grows through a conditional update that cannot pass <see cref="Capacity"/>.
/// </summary>
public sealed class Appointment : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid StaffMembershipId { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public DateTime OccupiedFrom { get; private set; }
    public DateTime OccupiedTo { get; private set; }
    public int Capacity { get; private set; }
    public int SeatsTaken { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }

    private Appointment()
    {
    }

    /// <summary>A new appointment holding no seats yet: the booking that creates it takes its seats like any other.</summary>
    public static Appointment Schedule(Guid tenantId, Service service, Guid staffMembershipId, DateTime startsAt, DateTime now) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        ServiceId = service.Id,
        StaffMembershipId = staffMembershipId,
        StartsAt = startsAt,
        EndsAt = startsAt + service.Duration,
        OccupiedFrom = startsAt - service.BufferBefore,
        OccupiedTo = startsAt + service.Duration + service.BufferAfter,
        Capacity = service.Capacity,
        Status = AppointmentStatus.Scheduled,
        CreatedAt = now,
    };

    /// <summary>Seats of a brand-new appointment, before it is stored; seats of a stored one change only by a conditional update.</summary>
    public void TakeSeats(int seats)
    {
        if (seats < 1 || SeatsTaken + seats > Capacity)
        {
            throw new DomainException("capacity-exceeded", $"This appointment has {Capacity - SeatsTaken} seats left.", "participantIds");
        }

        SeatsTaken += seats;
    }
}
