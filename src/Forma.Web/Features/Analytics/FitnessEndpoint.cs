using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Analytics;

/// <summary>HTTP adapter over <see cref="ReadFitness"/>.</summary>
internal sealed class FitnessEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Analytics").RequireTenant()
            .MapGet("/athletes/{athleteId:guid}/fitness", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetFitness")
            .WithSummary("Daily load, fitness (CTL), fatigue (ATL), form (TSB), ramp rate, monotony, strain and acute:chronic ratio for a date range")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<FitnessSeries>> Get(Guid athleteId, ClaimsPrincipal user, ReadFitness read, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await read.RunAsync(Caller.From(user), athleteId, from, to, cancellationToken));
}
