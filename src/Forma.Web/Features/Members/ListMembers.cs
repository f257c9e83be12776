using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Members;

/// <summary>
/// Everyone who belongs to the business, with their roles, for staff. A coach sees the staff and, of the clients,
/// only their own athletes and those athletes' guardians.
/// </summary>
internal sealed class ListMembers(FormaDbContext db) : IUseCase
{
    public async Task<List<MemberInfo>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireStaff("Only owners, admins and coaches see the member list.");
        var memberships = db.Memberships.AsNoTracking();
        if (!caller.ManagesEveryone)
        {
            var mine = db.Athletes.Where(a => a.CoachMembershipId == caller.MembershipId);
            memberships = memberships.Where(m => m.Role == Role.Owner || m.Role == Role.Admin || m.Role == Role.Coach
                || mine.Any(a => a.UserId == m.UserId)
                || db.Guardianships.Any(g => g.GuardianMembershipId == m.Id && mine.Any(a => a.Id == g.AthleteId)));
        }

        return await memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.LastName).ThenBy(x => x.u.FirstName)
            .Select(x => new MemberInfo(x.m.Id, x.u.Id, x.u.Email, x.u.FirstName, x.u.LastName, x.m.Role, x.m.CreatedAt, x.u.TotpEnabledAt != null))
            .ToListAsync(cancellationToken);
    }
}
