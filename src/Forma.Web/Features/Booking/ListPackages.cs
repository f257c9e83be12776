using Forma.Core.Accounts;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>The packages on offer.</summary>
internal sealed class ListPackages(FormaDbContext db, PlanGate plan) : IUseCase
{
    public async Task<List<PackageResponse>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        PackageAccess.Ensure(caller, plan, ApiScopes.BookingsRead);
        return (await db.Packages.AsNoTracking().Where(p => !p.Archived).OrderBy(p => p.Name).ToListAsync(cancellationToken)).Select(PackageResponse.From).ToList();
    }
}
