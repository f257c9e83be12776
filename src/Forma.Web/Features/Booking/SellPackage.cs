using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

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
        await ClientAccounts.EnsureExistsAsync(db, client, cancellationToken);
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
