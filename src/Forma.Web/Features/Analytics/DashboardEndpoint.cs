using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Analytics;

/// <summary>HTTP adapter over <see cref="ReadDashboard"/>.</summary>
internal sealed class DashboardEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Analytics").RequireTenant()
            .MapGet("/athletes/{athleteId:guid}/dashboard", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetAthleteDashboard")
            .WithSummary("Fitness for the last 90 days, standing bests, the last 20 activities and recent PRs")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<Dashboard>> Get(Guid athleteId, ClaimsPrincipal user, ReadDashboard read, CancellationToken cancellationToken) =>
        TypedResults.Ok(await read.RunAsync(Caller.From(user), athleteId, cancellationToken));
}
