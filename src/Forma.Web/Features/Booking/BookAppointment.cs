using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Books participants into a slot. A retry with the same idempotency key answers with the first booking instead of
/// making another — but only if it asks for the same booking: a key reused for a different request is refused (422),
/// so a client bug cannot silently turn into "success" for a booking it did not ask for.
/// </summary>
internal sealed class BookAppointment(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<BookingResult> RunAsync(Caller caller, BookRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        RequestValidation.Ensure(request);
        if (idempotencyKey is { Length: 0 or > ClientBooking.IdempotencyKeyMaxLength })
        {
            throw DomainException.Invalid("Idempotency-Key", $"1 to {ClientBooking.IdempotencyKeyMaxLength} characters.");
        }

        if (await ReplayAsync(caller, request, idempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        if (await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId && !s.Archived, cancellationToken) is not { } service)
        {
            throw DomainException.NotFound("service");
        }

        if (request.StaffId is { } staffId && !await db.StaffProfiles.AnyAsync(p => p.MembershipId == staffId, cancellationToken))
        {
            throw DomainException.NotFound("staff member");
        }

        var client = await BookingParties.ResolveAsync(caller, request, db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var start = request.Start.UtcDateTime;
        BookingPolicy.EnsureBookable(service, start, now, request.ParticipantIds.Count);
        var order = new BookingOrder(service, start, request.StaffId, request.ParticipantIds, client, caller.MembershipId, caller.UserId,
            business.Zone, idempotencyKey, ClientPackageId: request.ClientPackageId);
        await BookingParties.EnsureCredentialsAsync(service, request.ParticipantIds, order.LocalDate, db, cancellationToken);
        var outcome = await BookingDesk.BookAsync(db, order, now, cancellationToken);
        if (outcome.Booking is not null)
        {
            return await BookingResults.DescribeAsync(db, outcome, cancellationToken);
        }

        // Under a burst of retries of one request, the one that lost the slot to its own twin answers with the twin's booking.
        return await ReplayAsync(caller, request, idempotencyKey, cancellationToken)
            ?? throw await BookingResults.SlotTakenAsync(db, service, start, request.StaffId, request.ParticipantIds.Count, now, cancellationToken);
    }

    private async Task<BookingResult?> ReplayAsync(Caller caller, BookRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null || await BookingDesk.ReplayAsync(db, caller.MembershipId, idempotencyKey, cancellationToken) is not { } replay)
        {
            return null;
        }

        var result = await BookingResults.DescribeAsync(db, replay, cancellationToken);
        if (!AsksFor(request, result.Booking))
        {
            throw new DomainException(RefusalKind.Rule, "idempotency-key-reused",
                "This Idempotency-Key was already used for a different booking request.",
                "Use a new key for a new request; repeat a request only with the same body.",
                errors: null, extensions: new Dictionary<string, object?> { ["idempotencyKey"] = idempotencyKey, ["bookingId"] = result.Booking.Id });
        }

        return result;
    }

    /// <summary>Whether a retry asks for the booking an earlier request with its key made: same service, start, people, staff, payer and package.</summary>
    private static bool AsksFor(BookRequest request, BookingResponse made) =>
        request.ServiceId == made.ServiceId
        && request.Start.UtcDateTime == made.Start
        && (request.ParticipantIds ?? []).Order().SequenceEqual(made.ParticipantIds.Order())
        && (request.StaffId is null || request.StaffId == made.StaffId)
        && (request.ClientAthleteId is null || request.ClientAthleteId == made.ClientAthleteId)
        && (request.ClientMembershipId is null || request.ClientMembershipId == made.ClientMembershipId)
        && request.ClientPackageId == made.ClientPackageId;
}
