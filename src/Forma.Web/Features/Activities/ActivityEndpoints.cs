using System.Globalization;
using System.Security.Claims;
using Forma.Analytics.Charts;
using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Formats;
using Forma.Web.Features.Activities.Merging;
using Forma.Web.Features.Analytics;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities;

/// <summary>An athlete's activities: list, one with its laps, its streams for charts, the original file; soft delete and restore.</summary>
internal sealed class ActivityEndpoints : IEndpointGroup
{
    public const int MaxPageSize = 200;
    public const int MaxPoints = 100_000;
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Activities").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/athletes/{athleteId:guid}/activities", List).RequireScope(ApiScopes.ActivitiesRead).WithName("ListActivities")
            .WithSummary("An athlete's activities, newest first, filtered by sport, date range and text, a page at a time");
        group.MapGet("/activities/{id:guid}", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetActivity")
            .WithSummary("One activity with its recordings, sessions and laps");
        group.MapGet("/activities/{id:guid}/streams", Streams).RequireScope(ApiScopes.ActivitiesRead).WithName("GetActivityStreams")
            .WithSummary("The activity's samples as equal-length arrays keyed by stream name; 'points' thins them for charts");
        group.MapGet("/activities/{id:guid}/original", Original).RequireScope(ApiScopes.ActivitiesRead).WithName("DownloadOriginal")
            .WithSummary("The file as it was uploaded").Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream");
        group.MapDelete("/activities/{id:guid}", Delete).RequireScope(ApiScopes.ActivitiesWrite).WithName("DeleteActivity")
            .WithSummary("Delete an activity (restorable for 30 days)");
        group.MapPut("/activities/{id:guid}/primary", ChoosePrimary).RequireScope(ApiScopes.ActivitiesWrite).WithName("ChoosePrimaryRecording")
            .WithSummary("Choose which recording's summary the activity shows");
        group.MapPost("/activities/{id:guid}/recordings/{recordingId:guid}/split", Split).RequireScope(ApiScopes.ActivitiesWrite).WithName("SplitRecording")
            .WithSummary("Take a recording out of a merged activity into an activity of its own").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/activities/{id:guid}/restore", Restore).RequireScope(ApiScopes.ActivitiesWrite).WithName("RestoreActivity")
            .WithSummary("Bring back a deleted activity within 30 days").ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ActivityPage>, ValidationProblem, ProblemHttpResult>> List(
        Guid athleteId, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken,
        string? sport = null, DateTime? from = null, DateTime? to = null, string? search = null, int limit = 50, string? cursor = null)
    {
        var me = Caller.From(user);
        if (!await db.Athletes.VisibleTo(me, db).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");
        }

        if (limit is < 1 or > MaxPageSize)
        {
            return ProblemDetailsSetup.FieldProblem("limit", $"Between 1 and {MaxPageSize}.");
        }

        if (!TryDecodeCursor(cursor, out var after))
        {
            return ProblemDetailsSetup.FieldProblem("cursor", "Not a cursor this list handed out.");
        }

        var query = db.Activities.AsNoTracking().Counting().Where(a => a.AthleteId == athleteId);
        if (!string.IsNullOrWhiteSpace(sport))
        {
            var wanted = sport.Trim().ToLowerInvariant();
            query = query.Where(a => a.Sport == wanted);
        }

        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            query = query.Where(a => a.StartTime >= utc);
        }

        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            query = query.Where(a => a.StartTime < utc);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // LIKE on the lower-cased name: case-insensitive on both providers, wildcards in the term escaped.
            var pattern = "%" + search.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => a.Name != null && EF.Functions.Like(a.Name.ToLower(), pattern, @"\"));
        }

        if (after is var (time, id))
        {
            query = query.Where(a => a.StartTime < time || (a.StartTime == time && a.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(a => a.StartTime).ThenByDescending(a => a.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = rows.Count > limit ? EncodeCursor(rows[limit - 1]) : null;
        return TypedResults.Ok(new ActivityPage(rows.Take(limit).Select(ActivitySummary.From).ToList(), next));
    }

    internal static async Task<Results<Ok<ActivityDetail>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, FormaDbContext db, BlobStore blobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, Caller.From(user), db, includeDeleted: true, cancellationToken, includeHidden: true) is not { } activity)
        {
            return NotFound();
        }

        var recordings = await db.Recordings.AsNoTracking().Where(r => r.ActivityId == id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var primary = recordings.FirstOrDefault(r => r.Id == activity.PrimaryRecordingId) ?? recordings.FirstOrDefault();
        IReadOnlyList<ActivitySegment> sessions = [], laps = [];
        IReadOnlyDictionary<string, Guid> sources = new Dictionary<string, Guid>();
        if (primary is not null)
        {
            (sessions, laps) = await RecordingSegments.LoadAsync(db, blobs, primary, cancellationToken);
            // An activity deleted beyond its restore window has had its blobs collected.
            if (activity.DeletedAt is not { } deleted || deleted + RestoreWindow >= clock.GetUtcNow().UtcDateTime)
            {
                sources = (await ActivityStreams.LoadAsync(db, blobs, activity, cancellationToken))?.Sources ?? sources;
            }
        }

        var infos = recordings.Select(r => RecordingInfo.From(r, r.Id == primary?.Id)).ToList();
        return TypedResults.Ok(new ActivityDetail(ActivitySummary.From(activity), infos, sessions, laps, sources, activity.DeletedAt, activity.MergedIntoId));
    }

    internal static async Task<Results<Ok<IReadOnlyDictionary<string, double?[]>>, ValidationProblem, ProblemHttpResult>> Streams(
        Guid id, ClaimsPrincipal user, FormaDbContext db, BlobStore blobs, CancellationToken cancellationToken, int? points = null)
    {
        if (points is < 2 or > MaxPoints)
        {
            return ProblemDetailsSetup.FieldProblem("points", $"Between 2 and {MaxPoints}.");
        }

        if (await FindAsync(id, Caller.From(user), db, includeDeleted: false, cancellationToken) is not { } activity
            || await ActivityStreams.LoadAsync(db, blobs, activity, cancellationToken) is not { } loaded)
        {
            return NotFound();
        }

        return TypedResults.Ok(Downsampling.Thin(loaded.Streams, points));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Original(Guid id, ClaimsPrincipal user, FormaDbContext db, BlobStore blobs, CancellationToken cancellationToken)
    {
        if (await PrimaryRecordingAsync(id, Caller.From(user), db, cancellationToken) is not { } recording)
        {
            return NotFound();
        }

        return TypedResults.File(blobs.Open(recording.Sha256), "application/octet-stream", recording.FileName, enableRangeProcessing: true);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (await FindAsync(id, me, db, includeDeleted: false, cancellationToken, track: true) is not { } activity)
        {
            return NotFound();
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        activity.Delete(now);
        db.Enqueue(new AnalyzeActivity(id), now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "activity.deleted", now, me.UserId, id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ActivitySummary>, ProblemHttpResult>> Restore(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (await FindAsync(id, me, db, includeDeleted: true, cancellationToken, track: true) is not { } activity)
        {
            return NotFound();
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (activity.DeletedAt is { } deleted && deleted + RestoreWindow < now)
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("restore-window-passed"), "This activity was deleted more than 30 days ago.");
        }

        activity.Restore();
        db.Enqueue(new AnalyzeActivity(id), now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "activity.restored", now, me.UserId, id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ActivitySummary.From(activity));
    }

    private static async Task<Results<Ok<ActivitySummary>, ValidationProblem, ProblemHttpResult>> ChoosePrimary(
        Guid id, PrimaryRecordingRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (await FindAsync(id, me, db, includeDeleted: false, cancellationToken, track: true) is not { } activity)
        {
            return NotFound();
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        var recording = await db.Recordings.SingleOrDefaultAsync(r => r.Id == request.RecordingId && r.ActivityId == id, cancellationToken);
        if (recording is null)
        {
            return ProblemDetailsSetup.FieldProblem("recordingId", "Not one of this activity's recordings.");
        }

        activity.SetPrimary(recording);
        db.Enqueue(new AnalyzeActivity(id), clock.GetUtcNow().UtcDateTime);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "activity.primary-chosen", clock.GetUtcNow().UtcDateTime, me.UserId, id.ToString(), $$"""{"recordingId":"{{recording.Id}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ActivitySummary.From(activity));
    }

    private static async Task<Created<ActivitySummary>> Split(Guid id, Guid recordingId, ClaimsPrincipal user, SplitRecording split, CancellationToken cancellationToken)
    {
        var separate = await split.RunAsync(Caller.From(user), id, recordingId, cancellationToken);
        return TypedResults.Created($"/api/v1/activities/{separate.Id}", separate);
    }

    /// <summary>
    /// The activity if the caller sees its athlete. Merged-away activities are found only by the detail read
    /// (<paramref name="includeHidden"/>), which says where they went; everything else treats them as gone.
    /// </summary>
    internal static Task<Activity?> FindAsync(Guid id, Caller me, FormaDbContext db, bool includeDeleted, CancellationToken cancellationToken, bool track = false, bool includeHidden = false)
    {
        var activities = track ? db.Activities : db.Activities.AsNoTracking();
        return activities
            .VisibleTo(me, db)
            .Where(a => a.Id == id && (includeDeleted || a.DeletedAt == null) && (includeHidden || a.MergedIntoId == null))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<Recording?> PrimaryRecordingAsync(Guid id, Caller me, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, me, db, includeDeleted: false, cancellationToken) is not { PrimaryRecordingId: { } primary })
        {
            return null;
        }

        return await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == primary, cancellationToken);
    }

    private static string EncodeCursor(Activity last) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{last.StartTime.Ticks.ToString(CultureInfo.InvariantCulture)}:{last.Id:N}"));

    private static bool TryDecodeCursor(string? cursor, out (DateTime Time, Guid Id)? after)
    {
        after = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id))
            {
                after = (new DateTime(ticks, DateTimeKind.Utc), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }

    private static ProblemHttpResult NotFound() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such activity.");
}
