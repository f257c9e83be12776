using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>
/// Deduplication of an athlete's existing library in three steps: a free analysis (how many workouts are held
/// twice), a dry run (the groups and the fused result of each, nothing changed), and execute (merges the
/// groups it is given, each on its own, each undoable).
/// </summary>
internal sealed class DeduplicationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Activities").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/athletes/{athleteId:guid}/deduplication", Analyze).RequireScope(ApiScopes.ActivitiesRead).WithName("AnalyzeDuplicates")
            .WithSummary("Count the workouts the athlete's library holds more than once (changes nothing)").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/athletes/{athleteId:guid}/deduplication/dry-run", DryRun).RequireScope(ApiScopes.ActivitiesRead).WithName("DryRunDeduplication")
            .WithSummary("Show each merge group and its fused result, found or given (changes nothing)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/athletes/{athleteId:guid}/deduplication/execute", Execute).RequireScope(ApiScopes.ActivitiesWrite).WithName("ExecuteDeduplication")
            .WithSummary("Merge the given groups; each group succeeds or is refused on its own").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/athletes/{athleteId:guid}/activity-merges", ListMerges).RequireScope(ApiScopes.ActivitiesRead).WithName("ListActivityMerges")
            .WithSummary("The athlete's merges, newest first, with whether each was undone");
        group.MapPost("/activity-merges/{id:guid}/undo", Undo).RequireScope(ApiScopes.ActivitiesWrite).WithName("UndoActivityMerge")
            .WithSummary("Undo a merge: the absorbed activity comes back with its recordings").ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<DeduplicationAnalysis>> Analyze(
        Guid athleteId, ClaimsPrincipal user, AnalyzeDuplicates analyze, CancellationToken cancellationToken, DateTime? from = null, DateTime? to = null) =>
        TypedResults.Ok(await analyze.RunAsync(Caller.From(user), athleteId, new DeduplicationScope(from, to), cancellationToken));

    private static async Task<Ok<DeduplicationDryRun>> DryRun(
        Guid athleteId, DeduplicationDryRunRequest? request, ClaimsPrincipal user, DryRunDeduplication dryRun, CancellationToken cancellationToken) =>
        TypedResults.Ok(await dryRun.RunAsync(Caller.From(user), athleteId, request, cancellationToken));

    private static async Task<Ok<DeduplicationExecution>> Execute(
        Guid athleteId, DeduplicationExecuteRequest request, ClaimsPrincipal user, ExecuteDeduplication execute, CancellationToken cancellationToken) =>
        TypedResults.Ok(await execute.RunAsync(Caller.From(user), athleteId, request, cancellationToken));

    private static async Task<Ok<IReadOnlyList<MergeRecord>>> ListMerges(Guid athleteId, ClaimsPrincipal user, ListActivityMerges list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), athleteId, cancellationToken));

    private static async Task<Ok<MergeRecord>> Undo(Guid id, ClaimsPrincipal user, UndoActivityMerge undo, CancellationToken cancellationToken) =>
        TypedResults.Ok(await undo.RunAsync(Caller.From(user), id, cancellationToken));
}
