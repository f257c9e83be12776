using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Removes one of a staff member's exceptions.</summary>
internal sealed class RemoveStaffException(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid membershipId, Guid exceptionId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.EnsureMayEditCalendar(membershipId);
        var exception = await db.StaffExceptions.SingleOrDefaultAsync(e => e.Id == exceptionId && e.MembershipId == membershipId, cancellationToken)
            ?? throw DomainException.NotFound("exception");
        db.StaffExceptions.Remove(exception);
        db.AuditEvents.Add(AuditEvent.Record(exception.TenantId, "staff.exception-removed", clock.GetUtcNow().UtcDateTime, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
