using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Staff mark a booking attended or a no-show once the appointment began; a no-show records the service's fee (the deposit counts towards it).</summary>
internal sealed class MarkAttendance(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<BookingResult> RunAsync(Caller caller, Guid bookingId, AttendanceRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.RequireStaff("Staff mark attendance.");
        RequestValidation.Ensure(request);
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken) ?? throw DomainException.NotFound("booking");
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var fee = BookingPolicy.AttendanceFee(service, booking, request.Status, appointment.StartsAt, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Bookings.Where(b => b.Id == bookingId && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, request.Status).SetProperty(b => b.FeeMinor, fee), cancellationToken);
        if (changed == 0)
        {
            throw CancelBooking.NotActive();
        }

        if (fee > 0)
        {
            if (booking.DepositMinor > 0)
            {
                db.LedgerEntries.Add(LedgerEntry.Record(booking.TenantId, booking.Client, booking.Id, LedgerKind.DepositReleased, -booking.DepositMinor, booking.Currency, null, caller.MembershipId, now));
            }

            db.LedgerEntries.Add(LedgerEntry.Record(booking.TenantId, booking.Client, booking.Id, LedgerKind.NoShowFee, fee.Value, booking.Currency, null, caller.MembershipId, now));
        }

        db.AuditEvents.Add(AuditEvent.Record(booking.TenantId, request.Status == BookingStatus.NoShow ? "booking.no-show" : "booking.attended", now, caller.UserId, booking.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var marked = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, cancellationToken);
        return await BookingResults.DescribeAsync(db, new BookingOutcome(marked, appointment, null, true), cancellationToken);
    }
}
