using System.Security.Claims;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>
/// Archiving athletes: one at a time, or — after a move to a smaller plan — every athlete over the limit, as an
/// analysis (free: how many), a dry-run (free: exactly which) and an execution (audited, the same list the dry-run
/// showed if nothing changed between). Archived athletes keep all their data, read-only, and free their place.
/// Restoring one takes a place again, within the plan's limit.
/// </summary>
internal sealed class OverLimitEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes").WithTags("Athletes").RequireTenant().RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/archive", Archive).WithName("ArchiveAthlete").WithSummary("Archive an athlete: kept, read-only, not counted against the plan")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/restore", Restore).WithName("RestoreAthlete").WithSummary("Restore an archived athlete, within the plan's limit of active athletes")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status402PaymentRequired);
        group.MapGet("/over-limit", Analyze).WithName("AnalyzeAthletesOverLimit").WithSummary("How many active athletes are over the plan's limit (free)")
            .Produces<OverLimitAnalysis>();
        group.MapPost("/over-limit/dry-run", DryRun).WithName("DryRunArchiveOverLimit").WithSummary("Exactly which athletes archiving over-limit ones would archive; changes nothing")
            .Produces<OverLimitArchive>();
        group.MapPost("/over-limit/archive", Execute).WithName("ArchiveAthletesOverLimit").WithSummary("Archive the newest athletes over the plan's limit (audited)")
            .Produces<OverLimitArchive>();
    }

    private static async Task<IResult> Archive(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.ManagesEveryone)
        {
            return OwnersOnly();
        }

        if (await db.Athletes.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } athlete)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such athlete.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        athlete.Archive(now);
        db.AuditEvents.Add(AuditEvent.Record(athlete.TenantId, "athlete.archived", now, caller.UserId, athlete.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Restore(Guid id, ClaimsPrincipal user, FormaDbContext db, PlanGate gate, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.ManagesEveryone)
        {
            return OwnersOnly();
        }

        if (await db.Athletes.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } athlete)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such athlete.");
        }

        if (athlete.ArchivedAt is null)
        {
            return TypedResults.NoContent();
        }

        athlete.Restore();
        db.AuditEvents.Add(AuditEvent.Record(athlete.TenantId, "athlete.restored", clock.GetUtcNow().UtcDateTime, caller.UserId, athlete.Id.ToString()));
        await gate.AdmitGaugeAsync(PlanLimit.ActiveAthletes, 1, PlanGate.ActiveAthletes(db).LongCountAsync, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Analyze(ClaimsPrincipal user, FormaDbContext db, PlanGate gate, CancellationToken cancellationToken)
    {
        if (!Caller.From(user).ManagesEveryone)
        {
            return OwnersOnly();
        }

        var allowed = gate.Current.Limits.ActiveAthletes;
        var active = await PlanGate.ActiveAthletes(db).LongCountAsync(cancellationToken);
        return TypedResults.Ok(new OverLimitAnalysis(allowed, active, allowed is { } cap ? Math.Max(0, active - cap) : 0));
    }

    private static async Task<IResult> DryRun(ClaimsPrincipal user, FormaDbContext db, PlanGate gate, CancellationToken cancellationToken)
    {
        if (!Caller.From(user).ManagesEveryone)
        {
            return OwnersOnly();
        }

        var allowed = gate.Current.Limits.ActiveAthletes;
        return TypedResults.Ok(new OverLimitArchive(allowed, await PlanGate.ActiveAthletes(db).LongCountAsync(cancellationToken), await OverLimitAsync(db, allowed, cancellationToken), false));
    }

    private static async Task<IResult> Execute(ClaimsPrincipal user, FormaDbContext db, PlanGate gate, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.ManagesEveryone)
        {
            return OwnersOnly();
        }

        var allowed = gate.Current.Limits.ActiveAthletes;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var active = await PlanGate.ActiveAthletes(db).LongCountAsync(cancellationToken);
        var over = await OverLimitAsync(db, allowed, cancellationToken);
        var ids = over.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var athlete in await db.Athletes.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            athlete.Archive(now);
        }

        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "athletes.archived-over-limit", now, caller.UserId, null, $$"""{"archived":{{ids.Count}},"allowed":{{allowed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}}}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new OverLimitArchive(allowed, active - ids.Count, over, true));
    }

    /// <summary>The newest active athletes beyond the limit — the same ones the plan gate treats as read-only.</summary>
    private static async Task<List<ArchivedAthlete>> OverLimitAsync(FormaDbContext db, long? allowed, CancellationToken cancellationToken) =>
        allowed is not { } cap
            ? []
            : await PlanGate.ActiveAthletes(db).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip((int)Math.Min(cap, int.MaxValue))
                .Select(a => new ArchivedAthlete(a.Id, a.FirstName, a.LastName, a.CreatedAt)).ToListAsync(cancellationToken);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult OwnersOnly() => ProblemDetailsSetup.Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Only owners and admins archive athletes.");
}
