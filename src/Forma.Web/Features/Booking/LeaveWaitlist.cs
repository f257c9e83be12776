using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Stops waiting: the client who waits, whoever put them on the list, or staff.</summary>
internal sealed class LeaveWaitlist(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid entryId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.WaitlistEntries
            .Where(w => w.Id == entryId && w.Status == WaitlistStatus.Waiting && (caller.IsStaff || w.BookedByMembershipId == caller.MembershipId || w.ClientMembershipId == caller.MembershipId))
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Status, WaitlistStatus.Withdrawn).SetProperty(w => w.ChangedAt, now), cancellationToken);
        if (changed == 0)
        {
            throw DomainException.NotFound("waiting entry");
        }
    }
}
