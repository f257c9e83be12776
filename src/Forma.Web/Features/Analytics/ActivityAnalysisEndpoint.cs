using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>One activity's analysis as stored: metrics, laps, time in zones and the thresholds used.</summary>
internal sealed class ActivityAnalysisEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Analytics").RequireTenant()
            .MapGet("/activities/{id:guid}/analysis", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetActivityAnalysis")
            .WithSummary("The activity's metrics (and each lap's), time in zones, and the thresholds they were computed with")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ActivityAnalysisDetails>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var details = await db.ActivityAnalyses.AsNoTracking()
            .Where(a => a.ActivityId == id && db.Athletes.VisibleTo(me, db).Any(x => x.Id == a.AthleteId))
            .Select(a => a.Details).SingleOrDefaultAsync(cancellationToken);
        return details is null
            ? ProblemDetailsSetup.Problem(404, ProblemTypes.For("not-analyzed"), "No analysis for this activity (yet): it is computed in the background after import.")
            // Read and written again rather than passed through, so rows stored in an older shape leave in today's.
            : TypedResults.Ok(System.Text.Json.JsonSerializer.Deserialize<ActivityAnalysisDetails>(details, AnalysisJson.Options)!);
    }
}
