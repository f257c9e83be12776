using Forma.Web.Infrastructure.Problems;

namespace Forma.Web.Infrastructure.Tenancy;

public static class TenantEndpointExtensions
{
    /// <summary>
    /// Fail closed: an endpoint in this group answers 404 unless the request resolved a tenant, so a
    /// tenant-scoped handler can never run with no tenant (where it would see nothing, or worse).
    /// </summary>
    public static RouteGroupBuilder RequireTenant(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<ResolvedTenant>() is null
                ? TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    type: ProblemTypes.TenantNotFound,
                    title: "No business was named.",
                    detail: "Use the business's own address (https://{slug}.forma.app or /t/{slug}/…) or sign in.")
                : await next(context));
        group.ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static ResolvedTenant Tenant(this HttpContext context) =>
        context.Features.Get<ResolvedTenant>() ?? throw new InvalidOperationException("The endpoint needs RequireTenant() on its group.");
}
