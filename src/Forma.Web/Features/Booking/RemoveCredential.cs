using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Staff remove a credential recorded in error.</summary>
internal sealed class RemoveCredential(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid athleteId, Guid id, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        if (!caller.IsStaff)
        {
            throw DomainException.Forbidden("Staff manage credentials.");
        }

        if (await db.Credentials.SingleOrDefaultAsync(c => c.Id == id && c.AthleteId == athleteId, cancellationToken) is not { } credential)
        {
            throw DomainException.NotFound("credential");
        }

        db.Credentials.Remove(credential);
        db.AuditEvents.Add(AuditEvent.Record(credential.TenantId, "credential.removed", clock.GetUtcNow().UtcDateTime, caller.UserId, athleteId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
