using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// A resource held by an appointment over its occupied span (one unit of it). Deleted when the appointment is
/// cancelled, so the rows that exist are exactly the resource's commitments.
/// </summary>
public sealed class ResourceAllocation : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid AppointmentId { get; private set; }
    public Guid ResourceId { get; private set; }
    public DateTime OccupiedFrom { get; private set; }
    public DateTime OccupiedTo { get; private set; }

    private ResourceAllocation()
    {
    }

    public static ResourceAllocation Create(Appointment appointment, Guid resourceId) => new()
    {
        TenantId = appointment.TenantId,
        AppointmentId = appointment.Id,
        ResourceId = resourceId,
        OccupiedFrom = appointment.OccupiedFrom,
        OccupiedTo = appointment.OccupiedTo,
    };
}
