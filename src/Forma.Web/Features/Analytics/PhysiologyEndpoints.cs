using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Activities;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>An entry of the physiology history: values that hold from <c>EffectiveFrom</c> until a later entry changes them.</summary>
public sealed record PhysiologyRequest(DateOnly? EffectiveFrom = null, double? FunctionalThresholdPower = null, double? CriticalPower = null, double? WPrime = null,
    double? ThresholdHeartRate = null, double? MaxHeartRate = null, double? RestingHeartRate = null, double? ThresholdSpeed = null, double? SwimCriticalSpeed = null,
    double? WeightKg = null, Core.Athletes.Sex? Sex = null)
{
    public PhysiologyValues Values() => new(FunctionalThresholdPower, CriticalPower, WPrime, ThresholdHeartRate, MaxHeartRate, RestingHeartRate, ThresholdSpeed, SwimCriticalSpeed, WeightKg, Sex);
}

public sealed record PhysiologyEntryResponse(Guid Id, DateOnly EffectiveFrom, PhysiologyValues Values, DateTime CreatedAt);

/// <summary>The history, and the values in force today (each from the latest entry that sets it).</summary>
public sealed record PhysiologyHistory(IReadOnlyList<PhysiologyEntryResponse> Entries, PhysiologyValues Current);

/// <summary>
/// An athlete's physiology with history. A change queues re-analysis of every activity from its date on, so
/// load, zones and bests follow the values valid on each activity's day; earlier activities are untouched.
/// </summary>
internal sealed class PhysiologyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes/{athleteId:guid}/physiology").WithTags("Analytics").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", List).RequireScope(ApiScopes.AthletesRead).WithName("GetPhysiology").WithSummary("The athlete's physiology history and the values in force today");
        group.MapPost("", Set).RequireScope(ApiScopes.AthletesWrite).WithName("SetPhysiology")
            .WithSummary("Set values from a date on (a second change on the same date replaces that day's entry); later activities are re-analysed");
        group.MapDelete("/{entryId:guid}", Remove).RequireScope(ApiScopes.AthletesWrite).WithName("DeletePhysiologyEntry").WithSummary("Remove an entry; activities from its date on are re-analysed");
    }

    internal static async Task<Results<Ok<PhysiologyHistory>, ProblemHttpResult>> List(Guid athleteId, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Athletes.VisibleTo(Caller.From(user), db).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return NoAthlete();
        }

        var physiology = await AthletePhysiology.LoadAsync(db, athleteId, cancellationToken);
        var entries = await db.PhysiologyEntries.AsNoTracking().Where(p => p.AthleteId == athleteId).OrderByDescending(p => p.EffectiveFrom).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new PhysiologyHistory(entries.Select(ToResponse).ToList(), physiology.ValuesOn(today)));
    }

    internal static async Task<Results<Created<PhysiologyEntryResponse>, ValidationProblem, ProblemHttpResult>> Set(
        Guid athleteId, PhysiologyRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!await db.Athletes.VisibleTo(me, db).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return NoAthlete();
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = request.EffectiveFrom ?? DateOnly.FromDateTime(now);
        PhysiologyEntry entry;
        try
        {
            entry = PhysiologyEntry.Create(me.TenantId, athleteId, from, request.Values(), me.UserId, now);
        }
        catch (Core.DomainException error) when (error.Field is not null)
        {
            return ProblemDetailsSetup.FieldProblem(error.Field, error.Message);
        }

        await db.PhysiologyEntries.Where(p => p.AthleteId == athleteId && p.EffectiveFrom == from).ExecuteDeleteAsync(cancellationToken);
        db.PhysiologyEntries.Add(entry);
        db.Enqueue(new ReanalyzeAthlete(athleteId, from), now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "athlete.physiology-set", now, me.UserId, athleteId.ToString(), $$"""{"effectiveFrom":"{{from:yyyy-MM-dd}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/athletes/{athleteId}/physiology", ToResponse(entry));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid athleteId, Guid entryId, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var entry = await db.PhysiologyEntries.SingleOrDefaultAsync(p => p.Id == entryId && p.AthleteId == athleteId && db.Athletes.VisibleTo(me, db).Any(a => a.Id == athleteId), cancellationToken);
        if (entry is null)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such entry.");
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.PhysiologyEntries.Remove(entry);
        db.Enqueue(new ReanalyzeAthlete(athleteId, entry.EffectiveFrom), now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "athlete.physiology-removed", now, me.UserId, athleteId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static PhysiologyEntryResponse ToResponse(PhysiologyEntry e) => new(e.Id, e.EffectiveFrom, e.Values(), e.CreatedAt);

    private static ProblemHttpResult NoAthlete() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");
}
