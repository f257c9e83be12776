using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Tenants;

/// <summary>The business's security rules, for its staff.</summary>
internal sealed class GetTenantSecurity(FormaDbContext db) : IUseCase
{
    public async Task<TenantSecurity> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireStaff("Only staff see the business's security rules.");
        var required = await db.Tenants.Where(t => t.Id == caller.TenantId).Select(t => t.RequireStaffMfa).SingleAsync(cancellationToken);
        return new TenantSecurity(required);
    }
}
