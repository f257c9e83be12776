using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Reads what availability needs for one service over a window, in a handful of queries whatever the number of
/// staff: the staff who deliver it, their exceptions, their appointments, and the required resources with their
/// allocations. Inside a booking transaction the same read re-checks the chosen slot.
/// </summary>
internal static class AvailabilityInputs
{
    /// <summary>Appointments of up to a day either side can hold time inside the window (buffers, long sessions).</summary>
    private static readonly TimeSpan Reach = TimeSpan.FromDays(1);

    public static async Task<(IReadOnlyList<StaffCalendar> Staff, IReadOnlyList<ResourcePool> Pools)> LoadAsync(
        FormaDbContext db, Service service, Span window, Guid? staffId, CancellationToken cancellationToken)
    {
        var profiles = (await db.StaffProfiles.AsNoTracking().Where(p => p.Bookable && (staffId == null || p.MembershipId == staffId)).ToListAsync(cancellationToken))
            .Where(p => p.Delivers(service)).ToList();
        var ids = profiles.Select(p => p.MembershipId).ToList();
        var from = window.From - Reach;
        var to = window.To + Reach;
        var firstDate = DateOnly.FromDateTime(from);
        var lastDate = DateOnly.FromDateTime(to);
        var exceptions = (await db.StaffExceptions.AsNoTracking().Where(e => ids.Contains(e.MembershipId) && e.Date >= firstDate && e.Date <= lastDate)
            .ToListAsync(cancellationToken)).ToLookup(e => e.MembershipId);
        var appointments = (await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.StaffMembershipId) && a.Status == AppointmentStatus.Scheduled && a.OccupiedTo > from && a.OccupiedFrom < to)
            .Select(a => new { a.Id, a.StaffMembershipId, a.ServiceId, a.StartsAt, a.OccupiedFrom, a.OccupiedTo, a.Capacity, a.SeatsTaken })
            .ToListAsync(cancellationToken)).ToLookup(a => a.StaffMembershipId);

        var staff = profiles.Select(p =>
        {
            var own = appointments[p.MembershipId].ToList();
            // A class of this service with seats left is offered to join rather than counted as busy.
            bool joinable(Guid serviceId, int capacity, int taken) => serviceId == service.Id && capacity > 1 && taken < capacity;
            return new StaffCalendar(
                p.MembershipId,
                TimeZoneInfo.FindSystemTimeZoneById(p.TimeZone),
                p.WeeklyHours,
                exceptions[p.MembershipId].Select(e => new DatedChange(e.Date, e.Start, e.End, e.Available)).ToList(),
                own.Where(a => !joinable(a.ServiceId, a.Capacity, a.SeatsTaken)).Select(a => new Span(a.OccupiedFrom, a.OccupiedTo)).ToList(),
                own.Where(a => joinable(a.ServiceId, a.Capacity, a.SeatsTaken)).Select(a => new OpenClass(a.Id, a.StartsAt, a.SeatsTaken)).ToList());
        }).ToList();

        return (staff, await PoolsAsync(db, service, from, to, cancellationToken));
    }

    private static async Task<IReadOnlyList<ResourcePool>> PoolsAsync(FormaDbContext db, Service service, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        if (service.RequiredResourceTypes.Count == 0)
        {
            return [];
        }

        var types = service.RequiredResourceTypes;
        var resources = await db.Resources.AsNoTracking().Where(r => !r.Archived && types.Contains(r.Type)).OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var resourceIds = resources.Select(r => r.Id).ToList();
        var allocations = (await db.ResourceAllocations.AsNoTracking()
            .Where(a => resourceIds.Contains(a.ResourceId) && a.OccupiedTo > from && a.OccupiedFrom < to)
            .ToListAsync(cancellationToken)).ToLookup(a => a.ResourceId);
        return types.Select(type => new ResourcePool(type, resources.Where(r => r.Type == type)
            .Select(r => new ResourceCalendar(r.Id, r.Units, allocations[r.Id].Select(a => new Span(a.OccupiedFrom, a.OccupiedTo)).ToList())).ToList())).ToList();
    }
}
