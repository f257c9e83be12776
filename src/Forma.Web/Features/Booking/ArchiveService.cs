using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Owners and admins stop offering a service; it is archived, not deleted, so past appointments keep it.</summary>
internal sealed class ArchiveService(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid serviceId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.RequireManager(BookingAccess.CatalogueOnlyMessage);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken) ?? throw DomainException.NotFound("service");
        service.Archive();
        db.AuditEvents.Add(AuditEvent.Record(service.TenantId, "service.archived", clock.GetUtcNow().UtcDateTime, caller.UserId, service.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
