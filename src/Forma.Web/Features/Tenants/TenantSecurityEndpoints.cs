using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Tenants;

public sealed record TenantSecurity(bool RequireStaffMfa);

public sealed record TenantSecurityRequest([property: Required] bool? RequireStaffMfa);

/// <summary>The business's security rules, set by its owners. HTTP adapters over <see cref="GetTenantSecurity"/> and <see cref="UpdateTenantSecurity"/>.</summary>
internal sealed class TenantSecurityEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenant/security").WithTags("Tenant").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", Get).WithName("GetTenantSecurity").WithSummary("The business's security rules");
        group.MapPut("", Update).WithName("UpdateTenantSecurity").WithSummary("Require a second factor of all staff (owners only)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<TenantSecurity>> Get(ClaimsPrincipal user, GetTenantSecurity get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<Ok<TenantSecurity>> Update(TenantSecurityRequest request, ClaimsPrincipal user, UpdateTenantSecurity update, CancellationToken cancellationToken) =>
        TypedResults.Ok(await update.RunAsync(Caller.From(user), request, cancellationToken));
}
