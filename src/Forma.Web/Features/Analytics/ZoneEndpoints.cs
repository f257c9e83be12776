using System.Security.Claims;
using System.Text.Json;
using Forma.Analytics.Zones;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.Activities;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;

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
        group.MapPut("/{kind}", Set).RequireScope(ApiScopes.AthletesWrite).WithName("SetCustomZones").WithSummary("Use the athlete's own zones for power, heartRate or pace");
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

    private static async Task<Results<Ok<ZoneSetResponse>, ValidationProblem, ProblemHttpResult>> Set(
        Guid athleteId, [AllowedValues("power", "heartRate", "pace")] string kind, CustomZonesRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (await CheckAsync(athleteId, me, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        ZoneSet zones;
        try
        {
            zones = ZoneModels.Custom(kind, request.Boundaries ?? [], request.Names);
        }
        catch (ArgumentException error)
        {
            return ProblemDetailsSetup.FieldProblem(error.ParamName == "names" ? "names" : error.ParamName == "kind" ? "kind" : "boundaries", error.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var boundaries = JsonSerializer.Serialize(request.Boundaries);
        var names = request.Names is null ? null : JsonSerializer.Serialize(request.Names);
        var existing = await db.CustomZones.SingleOrDefaultAsync(z => z.AthleteId == athleteId && z.Kind == kind, cancellationToken);
        if (existing is null)
        {
            db.CustomZones.Add(CustomZones.Create(me.TenantId, athleteId, kind, boundaries, names, now));
        }
        else
        {
            existing.Replace(boundaries, names, now);
        }

        db.Enqueue(new ReanalyzeAthlete(athleteId, DateOnly.MinValue), now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "athlete.zones-set", now, me.UserId, athleteId.ToString(), $$"""{"kind":"{{kind}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ZoneSetResponse.From(zones));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid athleteId, string kind, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (await CheckAsync(athleteId, me, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.CustomZones.Where(z => z.AthleteId == athleteId && z.Kind == kind).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            db.Enqueue(new ReanalyzeAthlete(athleteId, DateOnly.MinValue), now);
            db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "athlete.zones-removed", now, me.UserId, athleteId.ToString(), $$"""{"kind":"{{kind}}"}"""));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<ProblemHttpResult?> CheckAsync(Guid athleteId, Caller me, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (!await AnalyticsAccess.SeesAthleteAsync(me, db, athleteId, cancellationToken))
        {
            return AnalyticsAccess.NoAthlete();
        }

        return ActivityAccess.MayChange(me) ? null : ActivityAccess.Forbidden();
    }
}
