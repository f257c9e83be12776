using Forma.Core;
using Forma.Core.Activities;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Activities;

/// <summary>
/// Who may change an athlete's activities (upload, delete, merge, split) once they can see the athlete:
/// staff, API keys, and the athlete themself — not a guardian, who follows a dependent's training but does
/// not edit it.
/// </summary>
internal static class ActivityAccess
{
    public static bool MayChange(Caller caller) => caller.Role != Role.Guardian;

    /// <summary>
    /// Activities that count: neither deleted nor merged into another (a merged workout counts once, through the
    /// activity that holds its recordings). Lists, analytics, exports and merge detection read only these.
    /// </summary>
    public static IQueryable<Activity> Counting(this IQueryable<Activity> activities) =>
        activities.Where(a => a.DeletedAt == null && a.MergedIntoId == null);

    /// <summary>Activities of the athletes the caller sees (<see cref="AthleteVisibility"/>).</summary>
    public static IQueryable<Activity> VisibleTo(this IQueryable<Activity> activities, Caller caller, FormaDbContext db) =>
        activities.Where(a => db.Athletes.VisibleTo(caller, db).Any(x => x.Id == a.AthleteId));

    public static ProblemHttpResult Forbidden() =>
        ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, GuardianRefusal);

    /// <summary>Refuses (403) a guardian.</summary>
    public static void EnsureMayChange(Caller caller)
    {
        if (!MayChange(caller))
        {
            throw DomainException.Forbidden(GuardianRefusal);
        }
    }

    private const string GuardianRefusal = "Guardians can follow a dependent's activities but not change them.";
}
