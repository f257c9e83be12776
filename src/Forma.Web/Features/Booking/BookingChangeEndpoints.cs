using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Cancelling (with the service's policy applied and the fee recorded) and marking attendance. Every status change
/// is a conditional update from the status it expects, so two people pressing "cancel" at once change it once.
/// </summary>
internal sealed class BookingChangeEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bookings/{id:guid}").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/cancel", Cancel).RequireScope(ApiScopes.BookingsWrite).WithName("CancelBooking")
            .WithSummary("Cancel a booking: free until the policy's window, then its fee").Produces<BookingResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/attendance", Attendance).RequireScope(ApiScopes.BookingsWrite).WithName("MarkAttendance")
            .WithSummary("Mark a booking attended or a no-show (staff; a no-show records the service's fee)").Produces<BookingResponse>().ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<IResult> Cancel(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (await BookingVisibility.FindAsync(db, caller, id, cancellationToken) is not { } booking)
        {
            return BookingAccess.NotFound("booking");
        }

        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= appointment.StartsAt)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.For("appointment-started"), "This appointment has begun; mark attendance instead.");
        }

        var late = now > appointment.StartsAt.AddHours(-service.FreeCancellationHours);
        // A booking paid with a package pays a late cancellation with its session, not money.
        var fee = late && booking.ClientPackageId is null ? Math.Min(service.LateCancellationFeeMinor * booking.Seats, booking.PriceMinor) : 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Bookings.Where(b => b.Id == id && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now).SetProperty(b => b.FeeMinor, fee), cancellationToken);
        if (changed == 0)
        {
            return NotActive();
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
        var cancelled = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id, cancellationToken);
        return await AppointmentEndpoints.RespondAsync(db, new BookingOutcome(cancelled, appointment, null, true), cancellationToken);
    }

    internal static async Task<IResult> Attendance(Guid id, AttendanceRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.IsStaff)
        {
            return BookingAccess.Forbidden("Staff mark attendance.");
        }

        if (request.Status is not (BookingStatus.Attended or BookingStatus.NoShow))
        {
            return ProblemDetailsSetup.FieldProblem("status", "Attended or NoShow.");
        }

        if (await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } booking)
        {
            return BookingAccess.NotFound("booking");
        }

        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == booking.AppointmentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < appointment.StartsAt)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.For("appointment-not-started"), "Attendance is marked once the appointment has begun.");
        }

        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var fee = request.Status == BookingStatus.NoShow && booking.ClientPackageId is null ? Math.Min(service.NoShowFeeMinor * booking.Seats, booking.PriceMinor) : (long?)null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Bookings.Where(b => b.Id == id && b.Status == BookingStatus.Booked)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, request.Status).SetProperty(b => b.FeeMinor, fee), cancellationToken);
        if (changed == 0)
        {
            return NotActive();
        }

        if (fee > 0)
        {
            // The deposit counts towards the fee: release it and record the fee in full.
            if (booking.DepositMinor > 0)
            {
                db.LedgerEntries.Add(LedgerEntry.Record(booking.TenantId, booking.Client, booking.Id, LedgerKind.DepositReleased, -booking.DepositMinor, booking.Currency, null, caller.MembershipId, now));
            }

            db.LedgerEntries.Add(LedgerEntry.Record(booking.TenantId, booking.Client, booking.Id, LedgerKind.NoShowFee, fee.Value, booking.Currency, null, caller.MembershipId, now));
        }

        db.AuditEvents.Add(AuditEvent.Record(booking.TenantId, request.Status == BookingStatus.NoShow ? "booking.no-show" : "booking.attended", now, caller.UserId, booking.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var marked = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id, cancellationToken);
        return await AppointmentEndpoints.RespondAsync(db, new BookingOutcome(marked, appointment, null, true), cancellationToken);
    }

    private static ProblemHttpResult NotActive() =>
        ProblemDetailsSetup.Problem(StatusCodes.Status409Conflict, ProblemTypes.For("booking-not-active"), "This booking was already cancelled or marked.");
}
