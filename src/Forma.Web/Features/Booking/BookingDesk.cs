using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;
using Forma.Data;
using Forma.Data.Concurrency;
using Forma.Data.Migrations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>What a booking attempt came to.</summary>
/// <param name="ResourceIds">The appointment's resources when known without a query (a fresh appointment), else null.</param>
/// <param name="Participants">The booking's participants when known without a query, else null.</param>
internal sealed record BookingOutcome(ClientBooking? Booking, Appointment? Appointment, IReadOnlyList<Guid>? ResourceIds, bool Replayed, ProblemHttpResult? Refusal = null, IReadOnlyList<Guid>? Participants = null);

/// <summary>
/// One booking to make: who, what, when, for whom, and who pays. <see cref="Alongside"/> runs inside the booking's
/// transaction before the slot is looked for (a reschedule cancels the old booking there, so the new slot may overlap it);
/// returning false, or finding no slot, rolls both back.
/// </summary>
internal sealed record BookingOrder(
    Service Service, DateTime Start, Guid? StaffId, IReadOnlyList<Guid> Participants, BookingClient Client, Guid BookedBy, Guid ActingUser, TimeZoneInfo BusinessZone,
    string? IdempotencyKey = null, Guid? SeriesId = null, Guid? ClientPackageId = null, Func<Task<bool>>? Alongside = null)
{
    /// <summary>The appointment's date where the business is: credentials and package periods are judged on it.</summary>
    public DateOnly LocalDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Start, BusinessZone));
}

/// <summary>
/// Takes a slot, correct under any concurrency. Inside one transaction it re-reads availability for the exact start
/// and then either joins a class — a conditional update that cannot push the seats past capacity — or schedules a
/// new appointment. On PostgreSQL two transactions that both saw the staff member free cannot both commit: the
/// exclusion constraint refuses the second insert, and the attempt starts over (now seeing the first one's
/// appointment, perhaps a class to join). Resources are locked (in id order, <see cref="TransactionLocks"/>) before their
/// allocations are read. On SQLite the write transaction admits one booking at a time.
/// </summary>
internal static class BookingDesk
{
    private const int Attempts = 5;

    public static async Task<BookingOutcome> BookAsync(FormaDbContext db, BookingOrder order, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryBookAsync(db, order, now, cancellationToken);
            }
            catch (DbUpdateException e) when (order.IdempotencyKey is { } key && DatabaseError.IsUniqueViolation(e))
            {
                // A concurrent retry of the same request won; answer with its booking.
                db.ChangeTracker.Clear();
                return await ReplayAsync(db, order.BookedBy, key, cancellationToken)
                    ?? throw new InvalidOperationException("The idempotency key collided, yet no booking carries it.", e);
            }
            catch (Exception e) when (DatabaseError.Violates(e, BookingMigration.StaffNoOverlap) || DatabaseError.IsRetryable(e))
            {
                // Another booking took the staff member's time first, or PostgreSQL aborted this one to break a lock
                // cycle (two overlapping inserts each wait for the other's exclusion check) — the documented remedy for
                // both is to start over: the next
                // attempt sees the winner — perhaps a class to join — or finds the slot gone.
                db.ChangeTracker.Clear();
                if (attempt == Attempts)
                {
                    return new BookingOutcome(null, null, [], false);
                }
            }
        }
    }

    public static async Task<BookingOutcome?> ReplayAsync(FormaDbContext db, Guid bookedBy, string idempotencyKey, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.BookedByMembershipId == bookedBy && b.IdempotencyKey == idempotencyKey, cancellationToken);
        if (booking is null)
        {
            return null;
        }

        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        var resources = await db.ResourceAllocations.Where(r => r.AppointmentId == appointment.Id).Select(r => r.ResourceId).ToListAsync(cancellationToken);
        return new BookingOutcome(booking, appointment, resources, true);
    }

    private static async Task<BookingOutcome> TryBookAsync(FormaDbContext db, BookingOrder order, DateTime now, CancellationToken cancellationToken)
    {
        var (service, start, participants, client) = (order.Service, order.Start, order.Participants, order.Client);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locks in one order — the package, then resources, then the appointment row — so concurrent bookings wait, never deadlock.
        if (order.ClientPackageId is { } paidWith)
        {
            await Credits.LockAsync(db, paidWith, cancellationToken);
        }

        await LockResourcesAsync(db, service, cancellationToken);
        // First, so a reschedule's new slot may overlap the old one it frees; the rollback undoes it when no slot is free.
        if (order.Alongside is { } alongside && !await alongside())
        {
            db.ChangeTracker.Clear();
            return new BookingOutcome(null, null, [], false);
        }

        var window = new Span(start, start.AddTicks(1));
        var (staff, pools) = await AvailabilityInputs.LoadAsync(db, service, window, order.StaffId, cancellationToken);
        var slots = AvailabilityCalculator.Find(SlotRules.For(service), staff, pools, now, window, participants.Count);
        // Joining a class that has begun filling beats opening a second one beside it.
        var slot = slots.FirstOrDefault(s => s.JoinsAppointmentId is not null) ?? (slots.Count > 0 ? slots[0] : null);
        if (slot is null)
        {
            db.ChangeTracker.Clear();
            return new BookingOutcome(null, null, [], false);
        }

        Appointment appointment;
        if (slot.JoinsAppointmentId is { } classId)
        {
            var seats = participants.Count;
            var taken = await db.Appointments
                .Where(a => a.Id == classId && a.Status == AppointmentStatus.Scheduled && a.SeatsTaken + seats <= a.Capacity)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.SeatsTaken, a => a.SeatsTaken + seats), cancellationToken);
            if (taken == 0)
            {
                db.ChangeTracker.Clear();
                return new BookingOutcome(null, null, [], false);
            }

            appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == classId, cancellationToken);
        }
        else
        {
            appointment = Appointment.Schedule(service.TenantId, service, slot.StaffId, start, now);
            appointment.TakeSeats(participants.Count);
            db.Appointments.Add(appointment);
            db.ResourceAllocations.AddRange(slot.ResourceIds.Select(id => ResourceAllocation.Create(appointment, id)));
        }

        var booking = ClientBooking.Create(service.TenantId, appointment, service, client, order.BookedBy, participants.Count, order.IdempotencyKey, now);
        if (order.SeriesId is { } series)
        {
            booking.PartOfSeries(series);
        }

        if (order.ClientPackageId is { } packageId && await Credits.TakeAsync(db, packageId, booking, service.Id, order.LocalDate, now, cancellationToken) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return new BookingOutcome(null, null, [], false, refusal);
        }

        db.Bookings.Add(booking);
        db.BookingParticipants.AddRange(participants.Select(p => BookingParticipant.Create(service.TenantId, booking.Id, p)));
        if (booking.DepositMinor > 0)
        {
            db.LedgerEntries.Add(LedgerEntry.Record(service.TenantId, client, booking.Id, LedgerKind.DepositDue, booking.DepositMinor, booking.Currency, null, null, now));
        }

        BookingNotices.Booked(db, booking, appointment, service, now);
        db.AuditEvents.Add(AuditEvent.Record(service.TenantId, "booking.created", now, order.ActingUser, booking.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BookingOutcome(booking, appointment, slot.JoinsAppointmentId is null ? slot.ResourceIds : null, false, Participants: participants);
    }

    /// <summary>Holds the service's resource rows until commit, so two bookings cannot both count the same free unit.</summary>
    private static Task LockResourcesAsync(FormaDbContext db, Service service, CancellationToken cancellationToken)
    {
        if (service.RequiredResourceTypes.Count == 0)
        {
            return Task.CompletedTask;
        }

        var types = service.RequiredResourceTypes.ToArray();
        return TransactionLocks.RowsAsync(db, db.Resources.Where(r => types.Contains(r.Type)), cancellationToken);
    }
}
