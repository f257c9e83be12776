using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>The business's services, which everyone in it may read; archived ones only on request.</summary>
internal sealed class ListServices(FormaDbContext db, PlanGate plan) : IUseCase
{
    public async Task<List<ServiceResponse>> RunAsync(Caller caller, bool includeArchived, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        var services = await db.Services.AsNoTracking().Where(s => includeArchived || !s.Archived).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return services.Select(ServiceResponse.From).ToList();
    }
}
