using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Booking.Scheduling;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Slots of a service between two instants (at most five weeks apart), optionally with one staff member, for a number of participants.</summary>
public sealed record SlotQuery(Guid ServiceId, DateTimeOffset From, DateTimeOffset To, Guid? StaffId = null, int Participants = 1);

/// <summary>Bookable slots of a service over a window: for everyone in the business, and for visitors of its public booking page (no caller).</summary>
internal sealed class FindSlots(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    /// <summary>Five weeks: a month view with the days around it.</summary>
    public const int MaxWindowDays = 35;

    public async Task<List<SlotResponse>> RunAsync(Caller? caller, SlotQuery query, CancellationToken cancellationToken)
    {
        caller?.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        var (serviceId, from, to, staffId, participants) = query;
        if (to <= from)
        {
            throw DomainException.Invalid("to", "Must be after 'from'.");
        }

        if (to - from > TimeSpan.FromDays(MaxWindowDays))
        {
            throw DomainException.Invalid("to", $"At most {MaxWindowDays} days after 'from'.");
        }

        if (participants is < 1 or > 500)
        {
            throw DomainException.Invalid("participants", "Between 1 and 500.");
        }

        if (await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && !s.Archived, cancellationToken) is not { } service)
        {
            throw DomainException.NotFound("service");
        }

        var window = new Span(from.UtcDateTime, to.UtcDateTime);
        var (staff, pools) = await AvailabilityInputs.LoadAsync(db, service, window, staffId, cancellationToken);
        var slots = AvailabilityCalculator.Find(SlotRules.For(service), staff, pools, clock.GetUtcNow().UtcDateTime, window, participants);
        return slots.Select(SlotResponse.From).ToList();
    }
}
