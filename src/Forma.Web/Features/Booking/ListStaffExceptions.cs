using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>A staff member's time off and extra hours from a date on (by default from yesterday, so nothing current is missed).</summary>
internal sealed class ListStaffExceptions(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<List<StaffExceptionResponse>> RunAsync(Caller caller, Guid membershipId, DateOnly? from, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        if (!await db.StaffProfiles.AnyAsync(p => p.MembershipId == membershipId, cancellationToken))
        {
            throw DomainException.NotFound("staff member");
        }

        var start = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var exceptions = await db.StaffExceptions.AsNoTracking().Where(e => e.MembershipId == membershipId && e.Date >= start)
            .OrderBy(e => e.Date).ThenBy(e => e.Start).ToListAsync(cancellationToken);
        return exceptions.Select(StaffExceptionResponse.From).ToList();
    }
}
