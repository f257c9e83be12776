using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Cancels a booking (the client or staff, before the start) with the service's policy applied and the fee recorded.
/// The status change is a conditional update from Booked, so two people pressing "cancel" at once change it once.
/// </summary>
internal sealed class CancelBooking(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<BookingResult> RunAsync(Caller caller, Guid bookingId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        var booking = await BookingVisibility.FindAsync(db, caller, bookingId, cancellationToken) ?? throw DomainException.NotFound("booking");
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var fee = BookingPolicy.CancellationFee(service, booking, appointment.StartsAt, now);
        var late = BookingPolicy.IsLateCancellation(service, appointment.StartsAt, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Bookings.Where(b => b.Id == bookingId && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now).SetProperty(b => b.FeeMinor, fee), cancellationToken);
        if (changed == 0)
        {
            throw NotActive();
        }

        await SeatRelease.ReleaseAsync(db, appointment.Id, booking.Seats, now, cancellationToken);
        if (!late)
        {
            await Credits.ReturnAsync(db, booking.Id, now, cancellationToken);
        }

        if (booking.DepositMinor > 0)
        {
            db.LedgerEntries.Add(LedgerEntry.Record(booking.TenantId, booking.Client, booking.Id, LedgerKind.DepositReleased, -booking.DepositMinor, booking.Currency, null, null, now));
        }

        if (fee > 0)
        {
            db.LedgerEntries.Add(LedgerEntry.Record(booking.TenantId, booking.Client, booking.Id, LedgerKind.CancellationFee, fee, booking.Currency,
                $"Cancelled within {service.FreeCancellationHours} h of the start.", null, now));
        }

        BookingNotices.Cancelled(db, booking, appointment, service.Name, fee, now);
        db.AuditEvents.Add(AuditEvent.Record(booking.TenantId, "booking.cancelled", now, caller.UserId, booking.Id.ToString(), $$"""{"feeMinor":{{fee}}}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var cancelled = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, cancellationToken);
        return await BookingResults.DescribeAsync(db, new BookingOutcome(cancelled, appointment, null, true), cancellationToken);
    }

    public static DomainException NotActive() => DomainException.Conflict("booking-not-active", "This booking was already cancelled or marked.");
}
