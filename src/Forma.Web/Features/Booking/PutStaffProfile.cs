using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Sets a staff member's zone, skills, services and weekly hours, creating their calendar the first time.</summary>
internal sealed class PutStaffProfile(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<StaffProfileResponse> RunAsync(Caller caller, Guid membershipId, StaffProfileRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.EnsureMayEditCalendar(membershipId);
        RequestValidation.Ensure(request);
        var member = await (from m in db.Memberships join u in db.Users on m.UserId equals u.Id where m.Id == membershipId select new { m, u }).SingleOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("member");
        if (!member.m.IsStaff)
        {
            throw DomainException.Invalid("membershipId", "Only owners, admins and coaches have a calendar.");
        }

        var serviceIds = request.ServiceIds ?? [];
        var known = await db.Services.Where(s => serviceIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (serviceIds.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
        {
            throw DomainException.Invalid("serviceIds", $"No service {unknown} in this business.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.StaffProfiles.SingleOrDefaultAsync(p => p.MembershipId == membershipId, cancellationToken);
        if (profile is null)
        {
            profile = StaffProfile.Create(business.Tenant.Id, membershipId, CalendarFeedSecrets.NewToken(), now);
            db.StaffProfiles.Add(profile);
        }

        profile.Define(request.TimeZone, request.Skills ?? [], serviceIds, request.WeeklyHours ?? [], request.Bookable, now);
        db.AuditEvents.Add(AuditEvent.Record(profile.TenantId, "staff.calendar-set", now, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return StaffProfileResponse.From(profile, member.u.FirstName + " " + member.u.LastName);
    }
}
