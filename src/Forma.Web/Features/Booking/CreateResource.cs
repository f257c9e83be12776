using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;

namespace Forma.Web.Features.Booking;

/// <summary>Owners and admins add a room, table, court, van… that services book a unit of.</summary>
internal sealed class CreateResource(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<ResourceResponse> RunAsync(Caller caller, ResourceRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.RequireManager(BookingAccess.CatalogueOnlyMessage);
        RequestValidation.Ensure(request);
        var now = clock.GetUtcNow().UtcDateTime;
        var resource = Resource.Create(business.Tenant.Id, request.Name, request.Type, request.Units, now);
        db.Resources.Add(resource);
        db.AuditEvents.Add(AuditEvent.Record(resource.TenantId, "resource.created", now, caller.UserId, resource.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return ResourceResponse.From(resource);
    }
}
