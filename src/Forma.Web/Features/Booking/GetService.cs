using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>One service, archived or not, for anyone in the business.</summary>
internal sealed class GetService(FormaDbContext db, PlanGate plan) : IUseCase
{
    public async Task<ServiceResponse> RunAsync(Caller caller, Guid serviceId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken) ?? throw DomainException.NotFound("service");
        return ServiceResponse.From(service);
    }
}
