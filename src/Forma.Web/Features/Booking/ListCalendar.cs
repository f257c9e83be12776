using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>An appointment on a calendar: who delivers it, how full it is, and the bookings the caller may see in it.</summary>
public sealed record CalendarAppointment(Guid Id, Guid ServiceId, string ServiceName, Guid StaffId, DateTime Start, DateTime End, AppointmentStatus Status, int Capacity, int SeatsTaken, IReadOnlyList<CalendarBooking> Bookings);

public sealed record CalendarBooking(Guid Id, BookingStatus Status, int Seats, IReadOnlyList<Guid> ParticipantIds, Guid? ClientAthleteId, Guid? ClientMembershipId);

/// <summary>The calendar over a window (at most six weeks), optionally for one staff member, and with cancelled appointments if asked.</summary>
public sealed record CalendarQuery(DateTimeOffset From, DateTimeOffset To, Guid? StaffId = null, bool IncludeCancelled = false);

/// <summary>
/// The calendar over a window. Staff see every appointment with its bookings (the day and week views); a client sees
/// the appointments holding their own bookings.
/// </summary>
internal sealed class ListCalendar(FormaDbContext db, PlanGate plan) : IUseCase
{
    public const int MaxWindowDays = 42;

    public async Task<List<CalendarAppointment>> RunAsync(Caller caller, CalendarQuery query, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        var (from, to, staffId, includeCancelled) = query;
        if (to <= from || to - from > TimeSpan.FromDays(MaxWindowDays))
        {
            throw DomainException.Invalid("to", $"After 'from', at most {MaxWindowDays} days later.");
        }

        var (start, end) = (from.UtcDateTime, to.UtcDateTime);
        var visible = db.Bookings.AsNoTracking().VisibleTo(caller, db);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt < end && a.EndsAt > start && (staffId == null || a.StaffMembershipId == staffId))
            .Where(a => includeCancelled || a.Status == AppointmentStatus.Scheduled)
            .Where(a => caller.IsStaff || visible.Any(b => b.AppointmentId == a.Id))
            .Join(db.Services, a => a.ServiceId, s => s.Id, (a, s) => new { Appointment = a, s.Name })
            .OrderBy(x => x.Appointment.StartsAt).ThenBy(x => x.Appointment.StaffMembershipId)
            .ToListAsync(cancellationToken);
        var ids = appointments.Select(a => a.Appointment.Id).ToList();
        var bookings = await visible.Where(b => ids.Contains(b.AppointmentId)).ToListAsync(cancellationToken);
        var bookingIds = bookings.Select(b => b.Id).ToList();
        var participants = (await db.BookingParticipants.AsNoTracking().Where(p => bookingIds.Contains(p.BookingId)).ToListAsync(cancellationToken)).ToLookup(p => p.BookingId, p => p.AthleteId);
        var byAppointment = bookings.ToLookup(b => b.AppointmentId);
        return appointments.Select(x => new CalendarAppointment(
            x.Appointment.Id, x.Appointment.ServiceId, x.Name, x.Appointment.StaffMembershipId, x.Appointment.StartsAt, x.Appointment.EndsAt, x.Appointment.Status,
            x.Appointment.Capacity, x.Appointment.SeatsTaken,
            byAppointment[x.Appointment.Id].OrderBy(b => b.CreatedAt)
                .Select(b => new CalendarBooking(b.Id, b.Status, b.Seats, participants[b.Id].ToList(), b.ClientAthleteId, b.ClientMembershipId)).ToList())).ToList();
    }
}
