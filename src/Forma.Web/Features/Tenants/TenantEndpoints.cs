using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Features.Tenants;

internal sealed class TenantEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenant").WithTags("Tenant").RequireTenant();
        group.MapGet("", GetCurrent)
            .WithName("GetCurrentTenant")
            .WithSummary("The business this request is for")
            .WithDescription("Resolved from the signed-in session, the /t/{slug} prefix or the subdomain.");
    }

    private static TenantProfile GetCurrent(HttpContext context)
    {
        var tenant = context.Tenant();
        return new TenantProfile(tenant.Id, tenant.DisplayName, tenant.Slug, tenant.TimeZone);
    }
}
