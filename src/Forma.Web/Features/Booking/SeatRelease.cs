using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Gives seats back after a cancellation or a reschedule: first to the waitlist, in the order people joined, then —
/// if nobody is left in the appointment — cancels it, freeing the staff member's time and its resources. The first
/// statement updates the appointment row, which on PostgreSQL holds its lock until commit, so two cancellations of
/// one class promote one waiting client once.
/// </summary>
internal static class SeatRelease
{
    public static async Task ReleaseAsync(FormaDbContext db, Guid appointmentId, int seats, DateTime now, CancellationToken cancellationToken)
    {
        await db.Appointments.Where(a => a.Id == appointmentId).ExecuteUpdateAsync(set => set.SetProperty(a => a.SeatsTaken, a => a.SeatsTaken - seats), cancellationToken);
        await PromoteWaitingAsync(db, appointmentId, now, cancellationToken);
        var emptied = await db.Appointments.Where(a => a.Id == appointmentId && a.SeatsTaken == 0 && a.Status == AppointmentStatus.Scheduled)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AppointmentStatus.Cancelled).SetProperty(a => a.CancelledAt, now), cancellationToken);
        if (emptied > 0)
        {
            await db.ResourceAllocations.Where(r => r.AppointmentId == appointmentId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static async Task PromoteWaitingAsync(FormaDbContext db, Guid appointmentId, DateTime now, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId, cancellationToken);
        var free = appointment.Capacity - appointment.SeatsTaken;
        if (free <= 0 || appointment.Status != AppointmentStatus.Scheduled || appointment.StartsAt <= now)
        {
            return;
        }

        var waiting = await db.WaitlistEntries.Where(w => w.AppointmentId == appointmentId && w.Status == WaitlistStatus.Waiting)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        foreach (var entry in waiting)
        {
            if (entry.Seats > free)
            {
                continue; // keeps its place: a later cancellation may free enough seats for it
            }

            var booking = ClientBooking.Create(appointment.TenantId, appointment, service, entry.Client, entry.BookedByMembershipId, entry.Seats, null, now);
            db.Bookings.Add(booking);
            db.BookingParticipants.AddRange(entry.ParticipantIds.Select(p => BookingParticipant.Create(appointment.TenantId, booking.Id, p)));
            if (booking.DepositMinor > 0)
            {
                db.LedgerEntries.Add(LedgerEntry.Record(appointment.TenantId, entry.Client, booking.Id, LedgerKind.DepositDue, booking.DepositMinor, booking.Currency, "Promoted from the waitlist.", null, now));
            }

            entry.Promote(booking.Id, now);
            BookingNotices.Booked(db, booking, appointment, service, now);
            db.AuditEvents.Add(AuditEvent.Record(appointment.TenantId, "booking.promoted-from-waitlist", now, null, booking.Id.ToString()));
            free -= entry.Seats;
        }

        var taken = appointment.Capacity - free - appointment.SeatsTaken;
        await db.Appointments.Where(a => a.Id == appointmentId).ExecuteUpdateAsync(set => set.SetProperty(a => a.SeatsTaken, a => a.SeatsTaken + taken), cancellationToken);
    }
}
