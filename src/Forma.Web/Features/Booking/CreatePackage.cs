using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Owners and admins offer a punch card or a membership.</summary>
internal sealed class CreatePackage(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<PackageResponse> RunAsync(Caller caller, PackageRequest request, CancellationToken cancellationToken)
    {
        PackageAccess.Ensure(caller, plan, ApiScopes.BookingsWrite);
        caller.RequireManager(BookingAccess.CatalogueOnlyMessage);
        RequestValidation.Ensure(request);
        var serviceIds = request.ServiceIds ?? [];
        if (await db.Services.CountAsync(s => serviceIds.Contains(s.Id), cancellationToken) != serviceIds.Distinct().Count())
        {
            throw DomainException.Invalid("serviceIds", "Every service must be one of this business's.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var package = Package.Create(business.Tenant.Id, request.Name, request.Kind, request.Sessions, request.ValidDays, request.PriceMinor, request.Currency, serviceIds, now);
        db.Packages.Add(package);
        db.AuditEvents.Add(AuditEvent.Record(package.TenantId, "package.created", now, caller.UserId, package.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return PackageResponse.From(package);
    }
}
