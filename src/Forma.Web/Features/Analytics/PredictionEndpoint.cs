using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Analytics;

/// <summary>HTTP adapter over <see cref="PredictPerformance"/>.</summary>
internal sealed class PredictionEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Analytics").RequireTenant().RequireFeature(PlanFeature.AdvancedAnalytics)
            .MapGet("/athletes/{athleteId:guid}/predictions", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetPredictions")
            .WithSummary("Critical power, W′ and eFTP from the power curve; power for 5/20/60 min; race times for 5 km to marathon")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<PredictionsResponse>> Get(Guid athleteId, ClaimsPrincipal user, PredictPerformance predict, CancellationToken cancellationToken) =>
        TypedResults.Ok(await predict.RunAsync(Caller.From(user), athleteId, cancellationToken));
}
