using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Owners and admins stop allocating a resource; archived, so past appointments keep it.</summary>
internal sealed class ArchiveResource(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid resourceId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.RequireManager(BookingAccess.CatalogueOnlyMessage);
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken) ?? throw DomainException.NotFound("resource");
        resource.Archive();
        db.AuditEvents.Add(AuditEvent.Record(resource.TenantId, "resource.archived", clock.GetUtcNow().UtcDateTime, caller.UserId, resource.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
