using System.Globalization;
using Forma.Core.Booking;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>A reminder that falls due: recorded only if the booking still stands at the time it was booked for.</summary>
public sealed record SendBookingReminder(Guid BookingId, BookingMessageKind Kind, DateTime ExpectedStart) : IJobPayload
{
    public static string JobType => "booking.reminder";
}

/// <summary>
/// Confirmations, cancellations and reminders of bookings, through the outbox: recorded in the same transaction as
/// the change that causes them, and reminders queued as jobs due 24 h and 2 h before the start. A reminder job finds
/// its booking again when it runs, so a cancelled or moved booking gets no stale reminder.
/// </summary>
internal static class BookingNotices
{
    private static readonly (BookingMessageKind Kind, TimeSpan Before)[] Reminders = [(BookingMessageKind.Reminder24h, TimeSpan.FromHours(24)), (BookingMessageKind.Reminder2h, TimeSpan.FromHours(2))];

    public static void Booked(FormaDbContext db, ClientBooking booking, Appointment appointment, Service service, DateTime now)
    {
        db.BookingMessages.Add(BookingMessage.Record(booking, BookingMessageKind.Confirmation, $"Booked: {service.Name}", Describe(service.Name, appointment, booking.Seats), now));
        foreach (var (kind, before) in Reminders)
        {
            var due = appointment.StartsAt - before;
            if (due > now)
            {
                db.Enqueue(new SendBookingReminder(booking.Id, kind, appointment.StartsAt), now, runAt: due);
            }
        }
    }

    public static void Cancelled(FormaDbContext db, ClientBooking booking, Appointment appointment, string serviceName, long fee, DateTime now)
    {
        var body = Describe(serviceName, appointment, booking.Seats) + (fee > 0 ? string.Create(CultureInfo.InvariantCulture, $" A late-cancellation fee of {fee / 100.0:0.00} {booking.Currency} applies.") : " No fee applies.");
        db.BookingMessages.Add(BookingMessage.Record(booking, BookingMessageKind.Cancellation, $"Cancelled: {serviceName}", body, now));
    }

    /// <summary>Times in UTC with the offset spelled out; per-person zones and languages come with the delivery channels.</summary>
    private static string Describe(string serviceName, Appointment appointment, int seats) =>
        string.Create(CultureInfo.InvariantCulture, $"{serviceName} on {appointment.StartsAt:yyyy-MM-dd} at {appointment.StartsAt:HH:mm} UTC, until {appointment.EndsAt:HH:mm} UTC, for {seats} {(seats == 1 ? "person" : "people")}.");
}

internal sealed class SendBookingReminderHandler(TimeProvider clock) : IJobHandler<SendBookingReminder>
{
    public async Task HandleAsync(SendBookingReminder payload, JobContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == payload.BookingId, cancellationToken);
        if (booking is not { Status: BookingStatus.Booked })
        {
            return;
        }

        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        if (appointment.StartsAt != payload.ExpectedStart || await db.BookingMessages.AnyAsync(m => m.BookingId == booking.Id && m.Kind == payload.Kind, cancellationToken))
        {
            return; // moved, or already recorded by an earlier run of this job
        }

        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var when = payload.Kind == BookingMessageKind.Reminder24h ? "tomorrow" : "in two hours";
        db.BookingMessages.Add(BookingMessage.Record(booking, payload.Kind, $"Reminder: {service.Name} {when}",
            string.Create(CultureInfo.InvariantCulture, $"{service.Name} starts {when}, on {appointment.StartsAt:yyyy-MM-dd} at {appointment.StartsAt:HH:mm} UTC."), clock.GetUtcNow().UtcDateTime));
    }
}
