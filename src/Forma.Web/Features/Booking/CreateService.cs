using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;

namespace Forma.Web.Features.Booking;

/// <summary>Owners and admins add a service (a private session or a class).</summary>
internal sealed class CreateService(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<ServiceResponse> RunAsync(Caller caller, ServiceRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.RequireManager(BookingAccess.CatalogueOnlyMessage);
        RequestValidation.Ensure(request);
        var now = clock.GetUtcNow().UtcDateTime;
        var service = Service.Create(business.Tenant.Id, request.ToTerms(), now);
        db.Services.Add(service);
        db.AuditEvents.Add(AuditEvent.Record(service.TenantId, "service.created", now, caller.UserId, service.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResponse.From(service);
    }
}
