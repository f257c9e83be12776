using Forma.Core.Athletes;
using Forma.Core.People;
using Forma.Data;

namespace Forma.Web.Features.Athletes;

/// <summary>
/// Which athletes a caller may see, as a query: owners, admins and API keys all of the business's; a coach
/// those assigned to them; an athlete their own record; a guardian their dependents. What is not visible
/// answers 404, so existence does not leak.
/// </summary>
internal static class AthleteVisibility
{
    public static IQueryable<Athlete> VisibleTo(this IQueryable<Athlete> athletes, Caller caller, FormaDbContext db) => caller.Role switch
    {
        Role.Owner or Role.Admin => athletes,
        Role.Coach => athletes.Where(a => a.CoachMembershipId == caller.MembershipId),
        Role.Athlete => athletes.Where(a => a.UserId == caller.UserId),
        Role.Guardian => athletes.Where(a => db.Guardianships.Any(g => g.AthleteId == a.Id && g.GuardianMembershipId == caller.MembershipId)),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}
