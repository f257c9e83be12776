using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Owners and admins replace a service's terms; appointments already booked keep theirs.</summary>
internal sealed class UpdateService(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<ServiceResponse> RunAsync(Caller caller, Guid serviceId, ServiceRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.RequireManager(BookingAccess.CatalogueOnlyMessage);
        RequestValidation.Ensure(request);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken) ?? throw DomainException.NotFound("service");
        service.Define(request.ToTerms());
        db.AuditEvents.Add(AuditEvent.Record(service.TenantId, "service.updated", clock.GetUtcNow().UtcDateTime, caller.UserId, service.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResponse.From(service);
    }
}
