using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Staff calendars: which owners, admins and coaches are bookable, for what, when (weekly hours in their own zone)
/// and the dated exceptions. Owners and admins set anyone's; a coach sets their own.
/// </summary>
internal sealed class StaffEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("", List).RequireScope(ApiScopes.BookingsRead).WithName("ListStaff").WithSummary("Staff members with a calendar");
        group.MapPut("/{membershipId:guid}", Put).RequireScope(ApiScopes.BookingsWrite).WithName("PutStaffProfile").WithSummary("Set a staff member's zone, skills, services and weekly hours");
        group.MapGet("/{membershipId:guid}/exceptions", ListExceptions).RequireScope(ApiScopes.BookingsRead).WithName("ListStaffExceptions").WithSummary("Time off and extra hours from a date on");
        group.MapPost("/{membershipId:guid}/exceptions", AddException).RequireScope(ApiScopes.BookingsWrite).WithName("AddStaffException").WithSummary("Add time off or extra hours");
        group.MapDelete("/{membershipId:guid}/exceptions/{id:guid}", RemoveException).RequireScope(ApiScopes.BookingsWrite).WithName("RemoveStaffException").WithSummary("Remove an exception");
    }

    internal static async Task<Ok<List<StaffProfileResponse>>> List(FormaDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.StaffProfiles.AsNoTracking()
                          join m in db.Memberships on p.MembershipId equals m.Id
                          join u in db.Users on m.UserId equals u.Id
                          orderby u.FirstName, u.LastName
                          select new { Profile = p, Name = u.FirstName + " " + u.LastName }).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => StaffProfileResponse.From(r.Profile, r.Name)).ToList());
    }

    internal static async Task<Results<Ok<StaffProfileResponse>, ValidationProblem, ProblemHttpResult>> Put(
        Guid membershipId, StaffProfileRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!MayEdit(caller, membershipId))
        {
            return BookingAccess.Forbidden("Owners and admins set staff calendars; a coach sets their own.");
        }

        var member = await (from m in db.Memberships join u in db.Users on m.UserId equals u.Id where m.Id == membershipId select new { m, u }).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return BookingAccess.NotFound("member");
        }

        if (!member.m.IsStaff)
        {
            return ProblemDetailsSetup.FieldProblem("membershipId", "Only owners, admins and coaches have a calendar.");
        }

        var serviceIds = request.ServiceIds ?? [];
        var known = await db.Services.Where(s => serviceIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (serviceIds.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
        {
            return ProblemDetailsSetup.FieldProblem("serviceIds", $"No service {unknown} in this business.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.StaffProfiles.SingleOrDefaultAsync(p => p.MembershipId == membershipId, cancellationToken);
        if (profile is null)
        {
            profile = StaffProfile.Create(http.Tenant().Id, membershipId, CalendarFeedSecrets.NewToken(), now);
            db.StaffProfiles.Add(profile);
        }

        profile.Define(request.TimeZone, request.Skills ?? [], serviceIds, request.WeeklyHours ?? [], request.Bookable, now);
        db.AuditEvents.Add(AuditEvent.Record(profile.TenantId, "staff.calendar-set", now, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StaffProfileResponse.From(profile, member.u.FirstName + " " + member.u.LastName));
    }

    internal static async Task<Results<Ok<List<StaffExceptionResponse>>, ProblemHttpResult>> ListExceptions(
        Guid membershipId, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken, DateOnly? from = null)
    {
        if (!await db.StaffProfiles.AnyAsync(p => p.MembershipId == membershipId, cancellationToken))
        {
            return BookingAccess.NotFound("staff member");
        }

        var start = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var exceptions = await db.StaffExceptions.AsNoTracking().Where(e => e.MembershipId == membershipId && e.Date >= start)
            .OrderBy(e => e.Date).ThenBy(e => e.Start).ToListAsync(cancellationToken);
        return TypedResults.Ok(exceptions.Select(StaffExceptionResponse.From).ToList());
    }

    internal static async Task<Results<Created<StaffExceptionResponse>, ProblemHttpResult>> AddException(
        Guid membershipId, StaffExceptionRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!MayEdit(caller, membershipId))
        {
            return BookingAccess.Forbidden("Owners and admins set staff calendars; a coach sets their own.");
        }

        if (!await db.StaffProfiles.AnyAsync(p => p.MembershipId == membershipId, cancellationToken))
        {
            return BookingAccess.NotFound("staff member");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var exception = StaffException.Create(http.Tenant().Id, membershipId, request.Date, request.Start, request.End, request.Available, request.Reason, now);
        db.StaffExceptions.Add(exception);
        db.AuditEvents.Add(AuditEvent.Record(exception.TenantId, "staff.exception-added", now, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/staff/{membershipId}/exceptions/{exception.Id}", StaffExceptionResponse.From(exception));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveException(
        Guid membershipId, Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!MayEdit(caller, membershipId))
        {
            return BookingAccess.Forbidden("Owners and admins set staff calendars; a coach sets their own.");
        }

        if (await db.StaffExceptions.SingleOrDefaultAsync(e => e.Id == id && e.MembershipId == membershipId, cancellationToken) is not { } exception)
        {
            return BookingAccess.NotFound("exception");
        }

        db.StaffExceptions.Remove(exception);
        db.AuditEvents.Add(AuditEvent.Record(exception.TenantId, "staff.exception-removed", clock.GetUtcNow().UtcDateTime, caller.UserId, membershipId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static bool MayEdit(Caller caller, Guid membershipId) => caller.RunsCatalogue() || (caller.IsStaff && caller.MembershipId == membershipId);
}
