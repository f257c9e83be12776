using System.Security.Claims;
using System.Text.Json;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>Time spent in one zone over a period. Zones are each activity's own (thresholds change over time), grouped by zone name.</summary>
public sealed record ZoneTotal(string Kind, string Zone, double Seconds);

public sealed record ZoneDistribution(DateOnly From, DateOnly To, int Activities, IReadOnlyList<ZoneTotal> Zones);

/// <summary>Time in zones summed over the counting activities of a period, from the stored analyses.</summary>
internal sealed class ZoneDistributionEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Analytics").RequireTenant()
            .MapGet("/athletes/{athleteId:guid}/zones/distribution", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetZoneDistribution")
            .WithSummary("Time in power, heart-rate and pace zones over a period")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ZoneDistribution>, ValidationProblem, ProblemHttpResult>> Get(
        Guid athleteId, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (!await AnalyticsAccess.SeesAthleteAsync(user, db, athleteId, cancellationToken))
        {
            return AnalyticsAccess.NoAthlete();
        }

        var (start, end, problem) = AnalyticsAccess.Range(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), 28);
        if (problem is not null)
        {
            return problem;
        }

        var details = await CountingAnalyses.Of(db, athleteId).Where(a => a.Day >= start && a.Day <= end)
            .Select(a => a.Details).ToListAsync(cancellationToken);
        var totals = details.Select(d => JsonSerializer.Deserialize<ActivityAnalysisDetails>(d, AnalysisJson.Options)!)
            .SelectMany(d => d.Metrics.TimeInZones)
            .GroupBy(z => (z.Kind, z.Zone))
            .Select(g => new ZoneTotal(g.Key.Kind, g.Key.Zone, g.Sum(z => z.Seconds)))
            .OrderBy(z => z.Kind, StringComparer.Ordinal).ThenBy(z => z.Zone, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ZoneDistribution(start, end, details.Count, totals));
    }
}
