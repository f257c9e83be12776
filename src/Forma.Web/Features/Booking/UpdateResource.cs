using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Owners and admins rename or resize a resource.</summary>
internal sealed class UpdateResource(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<ResourceResponse> RunAsync(Caller caller, Guid resourceId, ResourceRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.RequireManager(BookingAccess.CatalogueOnlyMessage);
        RequestValidation.Ensure(request);
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken) ?? throw DomainException.NotFound("resource");
        resource.Define(request.Name, request.Type, request.Units);
        db.AuditEvents.Add(AuditEvent.Record(resource.TenantId, "resource.updated", clock.GetUtcNow().UtcDateTime, caller.UserId, resource.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return ResourceResponse.From(resource);
    }
}
