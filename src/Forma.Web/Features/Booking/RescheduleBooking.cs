using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Moves a booking to another start (and perhaps another staff member) in one transaction: the old booking is
/// cancelled without a fee and its seats released, then the new slot is taken; if the new slot is not free nothing
/// changes. Allowed until the cancellation policy's window begins — after that, cancelling (with its fee) is the way.
/// </summary>
internal sealed class RescheduleBooking(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<BookingResult> RunAsync(Caller caller, Guid id, RescheduleRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        RequestValidation.Ensure(request);
        var old = await BookingVisibility.FindAsync(db, caller, id, cancellationToken) ?? throw DomainException.NotFound("booking");
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == old.AppointmentId, cancellationToken);
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (old.Status != BookingStatus.Booked)
        {
            throw CancelBooking.NotActive();
        }

        if (BookingPolicy.IsLateCancellation(service, appointment.StartsAt, now))
        {
            throw DomainException.Rule("reschedule-too-late", $"Bookings move until {service.FreeCancellationHours} h before the start; cancel instead (the late fee applies).");
        }

        var start = request.Start.UtcDateTime;
        var participants = await db.BookingParticipants.Where(p => p.BookingId == id).Select(p => p.AthleteId).ToListAsync(cancellationToken);
        BookingPolicy.EnsureBookable(service, start, now, participants.Count);
        var zone = business.Zone;
        await BookingParties.EnsureCredentialsAsync(service, participants, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, zone)), db, cancellationToken);

        // A booking paid with a package moves with it: its session is given back and taken again in the new slot's period.
        var order = new BookingOrder(service, start, request.StaffId, participants, old.Client, old.BookedByMembershipId, caller.UserId, zone,
            ClientPackageId: old.ClientPackageId, Alongside: async () =>
        {
            var cancelled = await db.Bookings.Where(b => b.Id == id && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now).SetProperty(b => b.FeeMinor, 0L), cancellationToken);
            if (cancelled == 0)
            {
                return false;
            }

            await SeatRelease.ReleaseAsync(db, appointment.Id, old.Seats, now, cancellationToken);
            await Credits.ReturnAsync(db, old.Id, now, cancellationToken);
            if (old.DepositMinor > 0)
            {
                db.LedgerEntries.Add(LedgerEntry.Record(old.TenantId, old.Client, old.Id, LedgerKind.DepositReleased, -old.DepositMinor, old.Currency, "Moved to another slot.", null, now));
            }

            db.AuditEvents.Add(AuditEvent.Record(old.TenantId, "booking.rescheduled", now, caller.UserId, old.Id.ToString()));
            return true;
        });
        var outcome = await BookingDesk.BookAsync(db, order, now, cancellationToken);
        return outcome.Booking is null
            ? throw await BookingResults.SlotTakenAsync(db, service, start, request.StaffId, participants.Count, now, cancellationToken)
            : await BookingResults.DescribeAsync(db, outcome, cancellationToken);
    }
}
