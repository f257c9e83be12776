using Forma.Core.Plans;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Infrastructure.Access;

internal static class PlanEndpointExtensions
{
    /// <summary>
    /// Refuses the endpoints with 403 (naming the plan that has it) unless the business's plan has
    /// <paramref name="feature"/>. Without a tenant it lets the request through for RequireTenant to answer.
    /// </summary>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, PlanFeature feature) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.Features.Get<ResolvedTenant>() is not null)
            {
                context.HttpContext.RequestServices.GetRequiredService<PlanGate>().EnsureFeature(feature);
            }

            return await next(context);
        });
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }
}
