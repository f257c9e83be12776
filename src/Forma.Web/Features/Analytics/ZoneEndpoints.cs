using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Analytics;

/// <summary>Custom zones: ascending boundaries (watts, bpm, or m/s for pace) and optionally one name per zone (one more than boundaries).</summary>
public sealed record CustomZonesRequest(IReadOnlyList<double>? Boundaries, IReadOnlyList<string>? Names);

/// <summary>
/// The zones an athlete is analysed with — Coggan power, Friel heart rate and pace zones from their thresholds,
/// or their own per kind. Setting or removing custom zones re-analyses every activity.
/// </summary>
internal sealed class ZoneEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes/{athleteId:guid}/zones").WithTags("Analytics").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", Get).RequireScope(ApiScopes.AthletesRead).WithName("GetZones")
            .WithSummary("The zones in force today for a sport (default cycling): model zones from the thresholds, or the athlete's own");
        group.MapPut("/{kind}", Set).RequireScope(ApiScopes.AthletesWrite).WithName("SetCustomZones").WithSummary("Use the athlete's own zones for power, heartRate or pace").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{kind}", Remove).RequireScope(ApiScopes.AthletesWrite).WithName("RemoveCustomZones").WithSummary("Go back to the model zones for this kind");
    }

    private static async Task<Results<Ok<IReadOnlyList<ZoneSetResponse>>, ProblemHttpResult>> Get(
        Guid athleteId, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken, string sport = "cycling")
    {
        if (!await AnalyticsAccess.SeesAthleteAsync(user, db, athleteId, cancellationToken))
        {
            return AnalyticsAccess.NoAthlete();
        }

        var thresholds = (await AthletePhysiology.LoadAsync(db, athleteId, cancellationToken)).On(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return TypedResults.Ok<IReadOnlyList<ZoneSetResponse>>((await AthleteZones.ForAsync(db, athleteId, thresholds, sport, cancellationToken)).Select(ZoneSetResponse.From).ToList());
    }

    private static async Task<Ok<ZoneSetResponse>> Set(Guid athleteId, [AllowedValues("power", "heartRate", "pace")] string kind, CustomZonesRequest request, ClaimsPrincipal user, SetCustomZones set, CancellationToken cancellationToken) =>
        TypedResults.Ok(await set.RunAsync(Caller.From(user), athleteId, kind, request, cancellationToken));

    private static async Task<NoContent> Remove(Guid athleteId, string kind, ClaimsPrincipal user, RemoveCustomZones remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(Caller.From(user), athleteId, kind, cancellationToken);
        return TypedResults.NoContent();
    }
}
