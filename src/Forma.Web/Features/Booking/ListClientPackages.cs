using Forma.Core.Accounts;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

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
