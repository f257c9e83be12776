using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Adds time off or extra hours to a staff member's calendar.</summary>
internal sealed class AddStaffException(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<StaffExceptionResponse> RunAsync(Caller caller, Guid membershipId, StaffExceptionRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        caller.EnsureMayEditCalendar(membershipId);
        RequestValidation.Ensure(request);
        if (!await db.StaffProfiles.AnyAsync(p => p.MembershipId == membershipId, cancellationToken))
        {
            throw DomainException.NotFound("staff member");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var exception = StaffException.Create(business.Tenant.Id, membershipId, request.Date, request.Start, request.End, request.Available, request.Reason, now);
        db.StaffExceptions.Add(exception);
        db.AuditEvents.Add(AuditEvent.Record(exception.TenantId, "staff.exception-added", now, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return StaffExceptionResponse.From(exception);
    }
}
