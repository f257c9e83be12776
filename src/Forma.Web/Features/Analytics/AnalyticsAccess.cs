using System.Security.Claims;
using Forma.Core;
using Forma.Data;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>The checks every analytics read starts with: the athlete is visible to the caller, the date range is sane.</summary>
internal static class AnalyticsAccess
{
    /// <summary>Ten years and a bit: the longest range one request reads.</summary>
    public const int MaxRangeDays = 3700;

    public static Task<bool> SeesAthleteAsync(ClaimsPrincipal user, FormaDbContext db, Guid athleteId, CancellationToken cancellationToken) =>
        SeesAthleteAsync(Caller.From(user), db, athleteId, cancellationToken);

    public static Task<bool> SeesAthleteAsync(Caller caller, FormaDbContext db, Guid athleteId, CancellationToken cancellationToken) =>
        db.Athletes.VisibleTo(caller, db).AnyAsync(a => a.Id == athleteId, cancellationToken);

    /// <summary>Refuses (404, like an athlete that does not exist) unless the caller sees the athlete.</summary>
    public static async Task EnsureSeesAthleteAsync(Caller caller, FormaDbContext db, Guid athleteId, CancellationToken cancellationToken)
    {
        if (!await SeesAthleteAsync(caller, db, athleteId, cancellationToken))
        {
            throw DomainException.NotFound("athlete");
        }
    }

    public static ProblemHttpResult NoAthlete() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");

    /// <summary>The range asked for, defaulting to the <paramref name="defaultDays"/> before today; refuses (400, naming the field) one that is not usable.</summary>
    public static (DateOnly From, DateOnly To) EnsureRange(DateOnly? from, DateOnly? to, DateOnly today, int defaultDays)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(-defaultDays + 1);
        if (start > end)
        {
            throw DomainException.Invalid("from", "Must not be after 'to'.");
        }

        return end.DayNumber - start.DayNumber + 1 > MaxRangeDays ? throw DomainException.Invalid("from", $"At most {MaxRangeDays} days in one request.") : (start, end);
    }

    /// <summary>The range asked for, defaulting to the <paramref name="defaultDays"/> before today; a problem naming the field when it is not usable.</summary>
    public static (DateOnly From, DateOnly To, ValidationProblem? Problem) Range(DateOnly? from, DateOnly? to, DateOnly today, int defaultDays)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(-defaultDays + 1);
        if (start > end)
        {
            return (start, end, ProblemDetailsSetup.FieldProblem("from", "Must not be after 'to'."));
        }

        return end.DayNumber - start.DayNumber + 1 > MaxRangeDays
            ? (start, end, ProblemDetailsSetup.FieldProblem("from", $"At most {MaxRangeDays} days in one request."))
            : (start, end, null);
    }
}
