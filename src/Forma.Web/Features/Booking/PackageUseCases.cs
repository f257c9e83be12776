using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Core.Plans;
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

/// <summary>The packages on offer.</summary>
internal sealed class ListPackages(FormaDbContext db, PlanGate plan) : IUseCase
{
    public async Task<List<PackageResponse>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        PackageAccess.Ensure(caller, plan, ApiScopes.BookingsRead);
        return (await db.Packages.AsNoTracking().Where(p => !p.Archived).OrderBy(p => p.Name).ToListAsync(cancellationToken)).Select(PackageResponse.From).ToList();
    }
}

/// <summary>Staff sell a package to a client (an athlete, or a guardian who pays); a priced sale is a ledger entry.</summary>
internal sealed class SellPackage(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<ClientPackageResponse> RunAsync(Caller caller, SellPackageRequest request, CancellationToken cancellationToken)
    {
        PackageAccess.Ensure(caller, plan, ApiScopes.BookingsWrite);
        caller.RequireStaff("Staff sell packages.");
        RequestValidation.Ensure(request);
        var package = await db.Packages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PackageId && !p.Archived, cancellationToken)
            ?? throw DomainException.NotFound("package");
        var client = new BookingClient(request.ClientAthleteId, request.ClientMembershipId);
        var exists = (client.AthleteId, client.GuardianMembershipId) switch
        {
            ({ } athleteId, null) => await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken),
            (null, { } membershipId) => await db.Memberships.AnyAsync(m => m.Id == membershipId && m.Role == Role.Guardian, cancellationToken),
            _ => false,
        };
        if (!exists)
        {
            throw DomainException.Invalid("clientAthleteId", "Name one client of this business: clientAthleteId or a guardian's clientMembershipId.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = business.Today(now);
        var sold = ClientPackage.Sell(package, client, request.ValidFrom ?? today, now);
        db.ClientPackages.Add(sold);
        if (sold.PriceMinor > 0)
        {
            db.LedgerEntries.Add(LedgerEntry.Record(sold.TenantId, client, null, LedgerKind.PackageSale, sold.PriceMinor, sold.Currency, sold.Name, caller.MembershipId, now));
        }

        db.AuditEvents.Add(AuditEvent.Record(sold.TenantId, "package.sold", now, caller.UserId, sold.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return ClientPackageResponse.From(sold, [], today);
    }
}

/// <summary>A client's packages with sessions left and their use; without a client named, the caller's own.</summary>
internal sealed class ListClientPackages(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<List<ClientPackageResponse>> RunAsync(Caller caller, Guid? clientAthleteId, Guid? clientMembershipId, CancellationToken cancellationToken)
    {
        PackageAccess.Ensure(caller, plan, ApiScopes.BookingsRead);
        var client = await ClientAccounts.ResolveAsync(caller, db, clientAthleteId, clientMembershipId, cancellationToken);
        var held = await db.ClientPackages.AsNoTracking().Where(p => p.ClientAthleteId == client.AthleteId && p.ClientMembershipId == client.GuardianMembershipId)
            .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var ids = held.Select(p => p.Id).ToList();
        var uses = (await db.CreditUses.AsNoTracking().Where(u => ids.Contains(u.ClientPackageId)).OrderBy(u => u.Date).ToListAsync(cancellationToken)).ToLookup(u => u.ClientPackageId);
        var today = business.Today(clock.GetUtcNow().UtcDateTime);
        return held.Select(p => ClientPackageResponse.From(p, uses[p.Id].ToList(), today)).ToList();
    }
}

/// <summary>Packages need both the Booking and the Packages features of the plan.</summary>
internal static class PackageAccess
{
    public static void Ensure(Caller caller, PlanGate plan, string scope)
    {
        caller.RequireScope(scope);
        plan.EnsureFeature(PlanFeature.Booking);
        plan.EnsureFeature(PlanFeature.Packages);
    }
}
