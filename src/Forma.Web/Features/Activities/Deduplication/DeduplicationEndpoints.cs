using System.Security.Claims;
using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Web.Features.Activities.Merging;
using Forma.Web.Features.Analytics;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
            .WithSummary("Count the workouts the athlete's library holds more than once (changes nothing)");
        group.MapPost("/athletes/{athleteId:guid}/deduplication/dry-run", DryRun).RequireScope(ApiScopes.ActivitiesRead).WithName("DryRunDeduplication")
            .WithSummary("Show each merge group and its fused result, found or given (changes nothing)");
        group.MapPost("/athletes/{athleteId:guid}/deduplication/execute", Execute).RequireScope(ApiScopes.ActivitiesWrite).WithName("ExecuteDeduplication")
            .WithSummary("Merge the given groups; each group succeeds or is refused on its own");
        group.MapGet("/athletes/{athleteId:guid}/activity-merges", ListMerges).RequireScope(ApiScopes.ActivitiesRead).WithName("ListActivityMerges")
            .WithSummary("The athlete's merges, newest first, with whether each was undone");
        group.MapPost("/activity-merges/{id:guid}/undo", Undo).RequireScope(ApiScopes.ActivitiesWrite).WithName("UndoActivityMerge")
            .WithSummary("Undo a merge: the absorbed activity comes back with its recordings").ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<DeduplicationAnalysis>, ValidationProblem, ProblemHttpResult>> Analyze(
        Guid athleteId, ClaimsPrincipal user, FormaDbContext db, BlobStore blobs, CancellationToken cancellationToken, DateTime? from = null, DateTime? to = null)
    {
        if (!await VisibleAsync(athleteId, Caller.From(user), db, cancellationToken))
        {
            return NoAthlete();
        }

        if (await new DuplicateFinder(db, blobs).FindAsync(athleteId, from?.ToUniversalTime(), to?.ToUniversalTime(), cancellationToken) is not var (scanned, groups))
        {
            return TooMany();
        }

        return TypedResults.Ok(new DeduplicationAnalysis(scanned, groups.Count, groups.Sum(g => g.Merge.Count)));
    }

    internal static async Task<Results<Ok<DeduplicationDryRun>, ValidationProblem, ProblemHttpResult>> DryRun(
        Guid athleteId, DeduplicationDryRunRequest? request, ClaimsPrincipal user, FormaDbContext db, BlobStore blobs, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(athleteId, Caller.From(user), db, cancellationToken))
        {
            return NoAthlete();
        }

        var previews = new List<MergePreview>();
        if (request?.Groups is { } given)
        {
            foreach (var group in given)
            {
                var check = await MergeGroups.CheckAsync(db, athleteId, group, track: false, cancellationToken);
                previews.Add(check.Keep is null
                    ? new MergePreview(new ActivitySummary(group.KeepActivityId!.Value, athleteId, "", null, default, 0, null, null), [], [], new Dictionary<string, Guid>(), 0, check.Error)
                    : await MergePreviews.BuildAsync(db, blobs, check, cancellationToken));
            }

            return TypedResults.Ok(new DeduplicationDryRun(previews));
        }

        if (await new DuplicateFinder(db, blobs).FindAsync(athleteId, request?.From?.ToUniversalTime(), request?.To?.ToUniversalTime(), cancellationToken) is not var (_, found))
        {
            return TooMany();
        }

        foreach (var group in found)
        {
            previews.Add(await MergePreviews.BuildAsync(db, blobs, new CheckedGroup(group.Keep, group.Merge, null, null), cancellationToken));
        }

        return TypedResults.Ok(new DeduplicationDryRun(previews));
    }

    internal static async Task<Results<Ok<DeduplicationExecution>, ProblemHttpResult>> Execute(
        Guid athleteId, DeduplicationExecuteRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!await VisibleAsync(athleteId, me, db, cancellationToken))
        {
            return NoAthlete();
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        var outcomes = new List<MergeOutcome>();
        foreach (var group in request.Groups!)
        {
            outcomes.Add(await MergeOneAsync(db, athleteId, group, me, clock.GetUtcNow().UtcDateTime, cancellationToken));
        }

        return TypedResults.Ok(new DeduplicationExecution(outcomes.Count(o => o.Merged), outcomes.Count(o => !o.Merged), outcomes));
    }

    /// <summary>One group in its own transaction, under the athlete's timeline lock, checked again there: the library may have changed since the dry run.</summary>
    private static async Task<MergeOutcome> MergeOneAsync(FormaDbContext db, Guid athleteId, MergeGroupRequest group, Caller me, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AthleteTimeline.LockAsync(db, athleteId, cancellationToken);
        var check = await MergeGroups.CheckAsync(db, athleteId, group, track: true, cancellationToken);
        if (check.Keep is not { } keep)
        {
            return new MergeOutcome(group.KeepActivityId!.Value, false, [], check.ErrorCode, check.Error);
        }

        var mergeIds = new List<Guid>();
        foreach (var absorbed in check.Merge)
        {
            var recordings = await db.Recordings.Where(r => r.ActivityId == absorbed.Id).ToListAsync(cancellationToken);
            var merge = ActivityMerge.Perform(keep, absorbed, recordings, me.UserId, now);
            db.ActivityMerges.Add(merge);
            db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "activity.merged", now, me.UserId, keep.Id.ToString(),
                $$"""{"mergeId":"{{merge.Id}}","absorbedActivityId":"{{absorbed.Id}}","recordings":{{merge.RecordingIds}}}"""));
            mergeIds.Add(merge.Id);
            db.Enqueue(new AnalyzeActivity(absorbed.Id), now);
        }

        db.Enqueue(new AnalyzeActivity(keep.Id), now);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MergeOutcome(keep.Id, true, mergeIds, null, null);
    }

    internal static async Task<Results<Ok<IReadOnlyList<MergeRecord>>, ProblemHttpResult>> ListMerges(Guid athleteId, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(athleteId, Caller.From(user), db, cancellationToken))
        {
            return NoAthlete();
        }

        var merges = await db.ActivityMerges.AsNoTracking().Where(m => m.AthleteId == athleteId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MergeRecord>>(merges.Select(ToRecord).ToList());
    }

    internal static async Task<Results<Ok<MergeRecord>, ProblemHttpResult>> Undo(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var merge = await db.ActivityMerges.SingleOrDefaultAsync(m => m.Id == id && db.Athletes.VisibleTo(me, db).Any(a => a.Id == m.AthleteId), cancellationToken);
        if (merge is null)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such merge.");
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AthleteTimeline.LockAsync(db, merge.AthleteId, cancellationToken);
        await db.Entry(merge).ReloadAsync(cancellationToken);
        var target = await db.Activities.SingleAsync(a => a.Id == merge.TargetActivityId, cancellationToken);
        var absorbed = await db.Activities.SingleAsync(a => a.Id == merge.AbsorbedActivityId, cancellationToken);
        var recordings = await db.Recordings.Where(r => r.ActivityId == target.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            merge.Undo(target, absorbed, recordings, now);
        }
        catch (DomainException error)
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For(error.Code), error.Message);
        }

        db.Enqueue(new AnalyzeActivity(target.Id), now);
        db.Enqueue(new AnalyzeActivity(absorbed.Id), now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "activity.merge-undone", now, me.UserId, target.Id.ToString(),
            $$"""{"mergeId":"{{merge.Id}}","absorbedActivityId":"{{absorbed.Id}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToRecord(merge));
    }

    private static MergeRecord ToRecord(ActivityMerge m) => new(m.Id, m.TargetActivityId, m.AbsorbedActivityId, m.MovedRecordingIds(), m.CreatedAt, m.UndoneAt);

    private static Task<bool> VisibleAsync(Guid athleteId, Caller me, FormaDbContext db, CancellationToken cancellationToken) =>
        db.Athletes.VisibleTo(me, db).AnyAsync(a => a.Id == athleteId, cancellationToken);

    private static ProblemHttpResult NoAthlete() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");

    private static ProblemHttpResult TooMany() => ProblemDetailsSetup.Problem(422, ProblemTypes.For("scope-too-large"),
        $"More than {DuplicateFinder.MaxActivities:N0} activities in scope.", "Narrow the scope with 'from' and 'to' and analyse the library a period at a time.");
}
