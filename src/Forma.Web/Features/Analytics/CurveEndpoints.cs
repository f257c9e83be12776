using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Analytics.Curves;
using Forma.Core.Accounts;
using Forma.Core.Training;
using Forma.Data;
using Forma.Formats;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>A point of a best curve: the best mean over <c>Seconds</c> and the activity it came from.</summary>
public sealed record CurvePoint(int Seconds, double Value, Guid ActivityId);

public sealed record CurveResponse(string Stream, DateOnly? From, DateOnly? To, int Activities, IReadOnlyList<CurvePoint> Points);

/// <summary>An athlete's standing best in one category; <c>Value</c> is watts for power, seconds for distances.</summary>
public sealed record BestResponse(string Key, double Value, Guid ActivityId, DateTime AchievedAt);

public sealed record RecordResponse(Guid Id, string Key, double Value, double? PreviousValue, Guid ActivityId, DateTime AchievedAt);

/// <summary>Mean-maximal curves over a date window (from stored per-activity curves), bests and the PR feed.</summary>
internal sealed class CurveEndpoints : IEndpointGroup
{
    private static readonly Dictionary<string, string> Streams = new(StringComparer.OrdinalIgnoreCase)
    {
        ["power"] = StreamNames.Power,
        ["heartrate"] = StreamNames.HeartRate,
        ["speed"] = StreamNames.Speed,
    };

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes/{athleteId:guid}").WithTags("Analytics").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/curves", Curve).RequireScope(ApiScopes.ActivitiesRead).WithName("GetBestCurve")
            .WithSummary("The best mean-maximal curve of power, heart rate or speed over a date window, each point with its activity");
        group.MapGet("/bests", Bests).RequireScope(ApiScopes.ActivitiesRead).WithName("GetBests")
            .WithSummary("Standing bests: power at 5 s, 1, 5, 20, 60 min; running 400 m to marathon; swimming 100, 400, 1500 m");
        group.MapGet("/records", Records).RequireScope(ApiScopes.ActivitiesRead).WithName("GetPersonalRecords")
            .WithSummary("The personal-record feed, newest first");
    }

    private static async Task<Results<Ok<CurveResponse>, ValidationProblem, ProblemHttpResult>> Curve(
        Guid athleteId, [AllowedValues("power", "heartrate", "speed")] string stream, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (stream is null || !Streams.TryGetValue(stream, out var name))
        {
            return ProblemDetailsSetup.FieldProblem("stream", "One of power, heartrate, speed.");
        }

        if (!await AnalyticsAccess.SeesAthleteAsync(user, db, athleteId, cancellationToken))
        {
            return AnalyticsAccess.NoAthlete();
        }

        var (curve, sources) = await BestCurveAsync(db, athleteId, name, from, to, cancellationToken);
        var points = curve is null ? [] : CurveSampling.Durations(curve.Values.Length)
            .Select(s => new CurvePoint(s, curve.Values[s - 1], sources[curve.SourceIndex[s - 1]])).ToList();
        return TypedResults.Ok(new CurveResponse(stream.ToLowerInvariant(), from, to, sources.Count, points));
    }

    /// <summary>The best curve of the counting activities in the window, and the activity ids its source indexes point into.</summary>
    public static async Task<(AggregateCurve? Curve, IReadOnlyList<Guid> Sources)> BestCurveAsync(FormaDbContext db, Guid athleteId, string stream, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var query = CountingAnalyses.Curves(db, athleteId, stream);
        if (from is { } start)
        {
            query = query.Where(c => c.Day >= start);
        }

        if (to is { } end)
        {
            query = query.Where(c => c.Day <= end);
        }

        var rows = await query.AsNoTracking().Select(c => new { c.ActivityId, c.Data }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (null, []);
        }

        var curves = rows.Select(r => CurveCodec.Decode(r.Data)).ToList();
        return (CurveAggregation.Best(curves), rows.Select(r => r.ActivityId).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<BestResponse>>, ProblemHttpResult>> Bests(
        Guid athleteId, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        if (!await AnalyticsAccess.SeesAthleteAsync(user, db, athleteId, cancellationToken))
        {
            return AnalyticsAccess.NoAthlete();
        }

        return TypedResults.Ok(await StandingBestsAsync(db, athleteId, from, to, cancellationToken));
    }

    /// <summary>
    /// The best per category, optionally within a date range. All-time bests come from the PR feed (the latest PR
    /// of a category is its standing best: each PR beats everything before it), a few rows however long the
    /// history; a range scans that range's bests.
    /// </summary>
    public static async Task<IReadOnlyList<BestResponse>> StandingBestsAsync(FormaDbContext db, Guid athleteId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from is null && to is null)
        {
            return StandingBests(await db.PersonalRecords.AsNoTracking().Where(p => p.AthleteId == athleteId).ToListAsync(cancellationToken));
        }

        var query = CountingAnalyses.Bests(db, athleteId).AsNoTracking();
        if (from is { } start)
        {
            var utc = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(b => b.AchievedAt >= utc);
        }

        if (to is { } end)
        {
            var utc = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(b => b.AchievedAt < utc);
        }

        var all = await query.ToListAsync(cancellationToken);
        return all.GroupBy(b => b.Key)
            .Select(g => g.Aggregate((best, b) => PersonalRecords.Better(b.Key, b.Value, best.Value) ? b : best))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new BestResponse(b.Key, b.Value, b.ActivityId, b.AchievedAt)).ToList();
    }

    /// <summary>All-time bests from an athlete's whole PR feed: the latest PR of each category.</summary>
    public static IReadOnlyList<BestResponse> StandingBests(IEnumerable<PersonalRecord> feed) =>
        feed.GroupBy(p => p.Key).Select(g => g.MaxBy(p => p.AchievedAt)!).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new BestResponse(p.Key, p.Value, p.ActivityId, p.AchievedAt)).ToList();

    private static async Task<Results<Ok<IReadOnlyList<RecordResponse>>, ValidationProblem, ProblemHttpResult>> Records(
        Guid athleteId, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > 500)
        {
            return ProblemDetailsSetup.FieldProblem("limit", "Between 1 and 500.");
        }

        if (!await AnalyticsAccess.SeesAthleteAsync(user, db, athleteId, cancellationToken))
        {
            return AnalyticsAccess.NoAthlete();
        }

        var records = await db.PersonalRecords.AsNoTracking().Where(p => p.AthleteId == athleteId)
            .OrderByDescending(p => p.AchievedAt).ThenBy(p => p.Key).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RecordResponse>>(records.Select(ToResponse).ToList());
    }

    private static RecordResponse ToResponse(PersonalRecord p) => new(p.Id, p.Key, p.Value, p.PreviousValue, p.ActivityId, p.AchievedAt);
}
