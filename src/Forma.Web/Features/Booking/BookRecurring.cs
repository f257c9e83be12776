using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Recurring bookings: each occurrence is booked in its own transaction, so one that is taken, outside the booking
/// window or missing a credential does not stop the others — the answer lists each with the reason. Occurrences keep
/// the first one's wall-clock time in the business's zone across daylight-saving changes.
/// </summary>
internal sealed class BookRecurring(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public const int MaxOccurrences = 52;

    public async Task<RecurringBookResponse> RunAsync(Caller caller, RecurringBookRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        RequestValidation.Ensure(request);
        if (request.Occurrences is < 1 or > MaxOccurrences)
        {
            throw DomainException.Invalid("occurrences", $"Between 1 and {MaxOccurrences}.");
        }

        if (request.IntervalDays is < 1 or > 365)
        {
            throw DomainException.Invalid("intervalDays", "Between 1 and 365.");
        }

        if (idempotencyKey is { Length: 0 or > 90 })
        {
            throw DomainException.Invalid("Idempotency-Key", "1 to 90 characters.");
        }

        if (await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId && !s.Archived, cancellationToken) is not { } service)
        {
            throw DomainException.NotFound("service");
        }

        var single = new BookRequest(request.ServiceId, request.Start, request.ParticipantIds, request.StaffId, request.ClientAthleteId, request.ClientMembershipId);
        var client = await BookingParties.ResolveAsync(caller, single, db, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = business.Zone;
        var firstLocal = TimeZoneInfo.ConvertTimeFromUtc(request.Start.UtcDateTime, zone);
        var seriesId = Guid.CreateVersion7(now);
        var results = new List<OccurrenceResult>();
        for (var i = 0; i < request.Occurrences; i++)
        {
            var local = firstLocal.AddDays(i * request.IntervalDays);
            var start = WorkingPeriods.ToUtc(zone, local);
            var key = idempotencyKey is null ? null : $"{idempotencyKey}#{i}";
            var order = new BookingOrder(service, start, request.StaffId, request.ParticipantIds, client, caller.MembershipId, caller.UserId, zone, key, seriesId, request.ClientPackageId);
            results.Add(await BookOneAsync(order, now, cancellationToken));
        }

        return new RecurringBookResponse(seriesId, results.Count(r => r.Booked), results);
    }

    private async Task<OccurrenceResult> BookOneAsync(BookingOrder order, DateTime now, CancellationToken cancellationToken)
    {
        var (service, start) = (order.Service, order.Start);
        if (order.IdempotencyKey is { } key && await BookingDesk.ReplayAsync(db, order.BookedBy, key, cancellationToken) is { } replay)
        {
            return new OccurrenceResult(start, true, replay.Booking!.Id, null, null);
        }

        try
        {
            BookingPolicy.EnsureBookable(service, start, now, order.Participants.Count);
        }
        catch (DomainException window)
        {
            return new OccurrenceResult(start, false, null, "outside-booking-window", window.Message);
        }

        BookingOutcome outcome;
        try
        {
            await BookingParties.EnsureCredentialsAsync(service, order.Participants, order.LocalDate, db, cancellationToken);
            outcome = await BookingDesk.BookAsync(db, order, now, cancellationToken);
        }
        catch (DomainException refusal)
        {
            return new OccurrenceResult(start, false, null, refusal.Code, refusal.Message);
        }

        return outcome.Booking is { } booking
            ? new OccurrenceResult(start, true, booking.Id, null, null)
            : new OccurrenceResult(start, false, null, "slot-taken", "Not free: the staff member, a resource or the class is taken.");
    }
}
