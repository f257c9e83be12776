using System.Security.Claims;
using Forma.Analytics.Charts;
using Forma.Analytics.Metrics;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Formats;
using Forma.Web.Features.Activities;
using Forma.Web.Features.Activities.Merging;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>W′ balance through an activity (joules), with the CP and W′ it was computed from.</summary>
public sealed record WPrimeBalanceResponse(double CriticalPower, double WPrime, double? Minimum, IReadOnlyDictionary<string, double?[]> Streams);

/// <summary>
/// The W′ balance stream of an activity (Skiba's differential form, docs/analytics/metrics.md) from its power
/// and the athlete's CP and W′ valid on the activity's day, thinned like the other streams for charts.
/// </summary>
internal sealed class WPrimeBalanceEndpoint : IEndpointGroup
{
    public const string StreamName = "wPrimeBalance";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Analytics").RequireTenant()
            .MapGet("/activities/{id:guid}/w-prime-balance", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetWPrimeBalance")
            .WithSummary("W′ balance through the activity, from its power and the athlete's CP and W′ on that day; 'points' thins it for charts")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<WPrimeBalanceResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, FormaDbContext db, BlobStore blobs, CancellationToken cancellationToken, int? points = null)
    {
        if (points is < 2 or > ActivityEndpoints.MaxPoints)
        {
            return ProblemDetailsSetup.FieldProblem("points", $"Between 2 and {ActivityEndpoints.MaxPoints}.");
        }

        var me = Caller.From(user);
        var activity = await db.Activities.AsNoTracking().Counting().VisibleTo(me, db).Where(a => a.Id == id)
            .SingleOrDefaultAsync(cancellationToken);
        if (activity is null || await ActivityStreams.LoadAsync(db, blobs, activity, cancellationToken) is not { } fused)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such activity.");
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == activity.TenantId, cancellationToken);
        var thresholds = (await AthletePhysiology.LoadAsync(db, activity.AthleteId, cancellationToken)).On(ActivityDay.Of(activity.StartTime, ActivityDay.ZoneOf(tenant)));
        if (thresholds.CriticalPower is not { } cp || thresholds.WPrime is not { } wPrime)
        {
            return ProblemDetailsSetup.Problem(422, ProblemTypes.For("needs-cp-and-w-prime"), "W′ balance needs the athlete's critical power and W′ on the activity's day.",
                "Set them under /api/v1/athletes/{id}/physiology (or take them from /predictions).");
        }

        if (fused.Streams[StreamNames.Time] is not { } time || fused.Streams[StreamNames.Power] is not { } power)
        {
            return ProblemDetailsSetup.Problem(422, ProblemTypes.For("needs-power"), "This activity has no power stream.");
        }

        var balance = WPrimeBalance.Compute(time, power, cp, wPrime);
        var streams = new SampleStreams(fused.Streams.Count, new Dictionary<string, double[]> { [StreamNames.Time] = time, [StreamNames.Power] = power, [StreamName] = balance });
        var minimum = balance.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min();
        return TypedResults.Ok(new WPrimeBalanceResponse(cp, wPrime, double.IsFinite(minimum) ? minimum : null, Downsampling.Thin(streams, points)));
    }
}
