using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>The staff members who have a calendar, by name.</summary>
internal sealed class ListStaff(FormaDbContext db, PlanGate plan) : IUseCase
{
    public async Task<List<StaffProfileResponse>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        var rows = await (from p in db.StaffProfiles.AsNoTracking()
                          join m in db.Memberships on p.MembershipId equals m.Id
                          join u in db.Users on m.UserId equals u.Id
                          orderby u.FirstName, u.LastName
                          select new { Profile = p, Name = u.FirstName + " " + u.LastName }).ToListAsync(cancellationToken);
        return rows.Select(r => StaffProfileResponse.From(r.Profile, r.Name)).ToList();
    }
}
