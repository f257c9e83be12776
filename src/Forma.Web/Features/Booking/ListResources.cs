using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>The business's resources, by type then name; archived ones only on request.</summary>
internal sealed class ListResources(FormaDbContext db, PlanGate plan) : IUseCase
{
    public async Task<List<ResourceResponse>> RunAsync(Caller caller, bool includeArchived, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        var resources = await db.Resources.AsNoTracking().Where(r => includeArchived || !r.Archived).OrderBy(r => r.Type).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        return resources.Select(ResourceResponse.From).ToList();
    }
}
