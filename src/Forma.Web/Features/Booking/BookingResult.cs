using Forma.Core;
using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>What a booking command gives back: the booking, and whether an earlier request with the same key made it (a replay).</summary>
public sealed record BookingResult(BookingResponse Booking, bool Replayed);

/// <summary>Turns what the booking desk did into results, or into the refusal that names the next free slots.</summary>
internal static class BookingResults
{
    public const int SuggestedSlots = 5;

    public static async Task<BookingResult> DescribeAsync(FormaDbContext db, BookingOutcome outcome, CancellationToken cancellationToken)
    {
        var booking = outcome.Booking!;
        var participants = outcome.Participants
            ?? await db.BookingParticipants.Where(p => p.BookingId == booking.Id).Select(p => p.AthleteId).ToListAsync(cancellationToken);
        var resources = outcome.ResourceIds
            ?? await db.ResourceAllocations.Where(r => r.AppointmentId == booking.AppointmentId).Select(r => r.ResourceId).ToListAsync(cancellationToken);
        return new BookingResult(BookingResponse.From(booking, outcome.Appointment!, participants, resources), outcome.Replayed);
    }

    /// <summary>The 409 for a slot someone else took first, naming the next free slots from the requested start on (a week ahead), so the caller can offer them at once.</summary>
    public static async Task<DomainException> SlotTakenAsync(FormaDbContext db, Service service, DateTime start, Guid? staffId, int participants, DateTime now, CancellationToken cancellationToken)
    {
        var window = new Span(start, start.AddDays(7));
        var (staff, pools) = await AvailabilityInputs.LoadAsync(db, service, window, staffId, cancellationToken);
        var next = AvailabilityCalculator.Find(SlotRules.For(service), staff, pools, now, window, participants).Take(SuggestedSlots).Select(SlotResponse.From).ToList();
        return new DomainException(RefusalKind.Conflict, "slot-taken", "This slot is no longer available.",
            next.Count > 0 ? "Someone else booked it first; here are the next free slots." : "Someone else booked it first, and nothing is free in the week after it.",
            extensions: new Dictionary<string, object?> { ["nextSlots"] = next });
    }
}
