using System.Security.Claims;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
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

    private static async Task<NoContent> Archive(Guid id, ClaimsPrincipal user, ArchiveAthlete archive, CancellationToken cancellationToken)
    {
        await archive.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Restore(Guid id, ClaimsPrincipal user, RestoreAthlete restore, CancellationToken cancellationToken)
    {
        await restore.RunAsync(Caller.From(user), id, cancellationToken);
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

    private static async Task<Ok<OverLimitArchive>> DryRun(ClaimsPrincipal user, ArchiveAthletesOverLimit archive, CancellationToken cancellationToken) =>
        TypedResults.Ok(await archive.RunAsync(Caller.From(user), execute: false, cancellationToken));

    private static async Task<Ok<OverLimitArchive>> Execute(ClaimsPrincipal user, ArchiveAthletesOverLimit archive, CancellationToken cancellationToken) =>
        TypedResults.Ok(await archive.RunAsync(Caller.From(user), execute: true, cancellationToken));

    internal const string OwnersOnlyMessage = "Only owners and admins archive athletes.";

    private static ProblemHttpResult OwnersOnly() => ProblemDetailsSetup.Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, OwnersOnlyMessage);
}
